import { Module, type DynamicModule } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform-config';
import { REDACTED_PATHS, REDACTION_CENSOR } from './redaction';

export const CORRELATION_HEADER = 'x-correlation-id';

/** nestjs-pino with redaction of personal data and secrets, and a correlation id per request. */
@Module({})
export class LoggingModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            base: { service: config.service },
            redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
            genReqId: (req: IncomingMessage) => {
              const header = req.headers[CORRELATION_HEADER];
              return typeof header === 'string' && header.length <= 96 ? header : randomUUID();
            },
            autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
          },
        }),
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

import type { PlatformConfig } from '../config/platform-config';
import { currentCorrelationId } from '../correlation/correlation-context';
import { newCorrelationId } from '../correlation/correlation-id';
import { currentTraceId } from '../tracing/trace-context';
import { REDACTED_PATHS, REDACTION_CENSOR, redactUrl } from './redaction';

/**
 * nestjs-pino with redaction of personal data and secrets. Every line written inside a correlation context (an HTTP
 * request, a Kafka handler, a BullMQ job) carries `correlationId`, and pino-http's request id is that same id.
 */
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
            mixin: correlationMixin,
            // The correlation hook (registerCorrelationHook) runs before this middleware and has chosen the id.
            genReqId: () => currentCorrelationId() ?? newCorrelationId(),
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
            // A callback authenticated by a token in its URL (the SMS provider's report push) must not log the token.
            serializers: { req: (req: { url?: string }) => (req.url ? Object.assign(req, { url: redactUrl(req.url) }) : req) },
          },
        }),
      ],
    };
  }
}

/** pino mixin: the current correlation id and, while traced, the trace id on every line, from wherever it was written. */
function correlationMixin(): { correlationId?: string; traceId?: string } {
  const correlationId = currentCorrelationId();
  const traceId = currentTraceId();
  return { ...(correlationId ? { correlationId } : {}), ...(traceId ? { traceId } : {}) };
}

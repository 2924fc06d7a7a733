import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { Clock } from '../clock/clock';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { DatabaseModule, type DatabaseOptions } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { LoggingModule } from '../logging/logging.module';
import { MessagingModule } from '../messaging/messaging.module';
import { QueueModule } from '../queue/queue.module';

/** Everything a service stands on: config, logs, auth, its database schema, Kafka, Redis, health. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig, database: DatabaseOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggingModule.forRoot(config),
        AuthModule.forRoot(config),
        DatabaseModule.forRoot(config, database),
        MessagingModule.forRoot(config),
        QueueModule.forRoot(config),
        HealthModule,
      ],
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }, Clock],
      exports: [PLATFORM_CONFIG, Clock],
    };
  }
}

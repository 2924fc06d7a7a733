import { type DynamicModule, Global, Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module';
import { auditArchiveQueueProvider, AuditArchiveScheduler } from '../audit/audit-archive.scheduler';
import { AuthModule } from '../auth/auth.module';
import { Clock } from '../clock/clock';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { DatabaseModule, type DatabaseOptions } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { LoggingModule } from '../logging/logging.module';
import { MessagingModule } from '../messaging/messaging.module';
import { MetricsModule } from '../metrics/metrics.module';
import { QueueModule } from '../queue/queue.module';
import { TracingShutdown } from '../tracing/tracing-shutdown';
import { CONSUMED_TOPICS, consumedTopics } from './service-replica';

/**
 * Everything a service stands on: config, logs, auth, its database schema, Kafka, Redis, health, the audit trail; and the replicas it
 * keeps (`database.replicas`: each one's module, tables, and topic, which CONSUMED_TOPICS lists for the consumer).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig, database: DatabaseOptions): DynamicModule {
    const replicas = database.replicas ?? [];
    return {
      module: PlatformModule,
      imports: [
        LoggingModule.forRoot(config),
        AuthModule.forRoot(config),
        DatabaseModule.forRoot(config, database),
        MessagingModule.forRoot(config),
        QueueModule.forRoot(config),
        HealthModule,
        AuditModule,
        MetricsModule,
        ...replicas.map((r) => r.module),
      ],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        Clock,
        auditArchiveQueueProvider,
        AuditArchiveScheduler,
        { provide: CONSUMED_TOPICS, useValue: consumedTopics(replicas) },
        TracingShutdown,
      ],
      exports: [PLATFORM_CONFIG, Clock, CONSUMED_TOPICS, AuditArchiveScheduler],
    };
  }
}

import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';

import type { PlatformConfig } from '../config/platform-config';
import { CorrelatedWorker } from '../correlation/correlated-worker';

/** Redis connection options for BullMQ from REDIS_URL (workers need maxRetriesPerRequest: null). */
export function redisConnection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** The BullMQ key prefix: `bull`, or `bull.<run prefix>` in a test run (like topics). */
export function queuePrefix(config: PlatformConfig): string {
  return config.kafka.topicPrefix ? `bull.${config.kafka.topicPrefix}` : 'bull';
}

/** BullMQ on the platform's Redis; queue names are prefixed per test run like topics. */
@Module({})
export class QueueModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    // Read when processors are registered (module init): jobs run in their correlation context.
    BullModule.workerClass = CorrelatedWorker;
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          connection: redisConnection(config.redis.url),
          prefix: queuePrefix(config),
        }),
      ],
    };
  }
}

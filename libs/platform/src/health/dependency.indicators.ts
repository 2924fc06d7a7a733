import { Inject, Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import type { Admin, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { EventServerRegistry } from '../messaging/event-server.registry';
import { KAFKA } from '../messaging/kafka.token';

const TIMEOUT_MS = 2000;

/** The work's result, or a rejection naming `what` after 2 s (health checks, metric scrapes). */
export function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
  ]);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Readiness checks of the three dependencies, each named so a 503 says which one is down. */
@Injectable()
export class DependencyIndicators implements OnApplicationShutdown {
  private readonly redis: Redis;
  private admin?: Admin;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(KAFKA) private readonly kafkaClient: Kafka,
    private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
    @Optional() private readonly registry?: EventServerRegistry,
  ) {
    this.redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }

  async postgresql(): Promise<HealthIndicatorResult> {
    const check = this.health.check('postgresql');
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 'postgresql');
      return check.up();
    } catch (error) {
      return check.down({ message: message(error) });
    }
  }

  async kafkaPing(): Promise<HealthIndicatorResult> {
    const check = this.health.check('kafka');
    try {
      if (!this.admin) {
        this.admin = this.kafkaClient.admin();
        await withTimeout(this.admin.connect(), 'kafka');
      }
      const cluster = await withTimeout(this.admin.describeCluster(), 'kafka');
      return check.up({ brokers: cluster.brokers.length });
    } catch (error) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return check.down({ message: message(error) });
    }
  }

  /**
   * Kafka as readiness sees it: reported, never "down". Writes go to the outbox in PostgreSQL and reach Kafka when it
   * is back, and reads come from the service's own tables, so a broker outage or a consumer still joining its group
   * leaves the instance able to serve; the details say how far behind it is (broker reachable, the consumer's state,
   * the outbox rows not yet published).
   */
  async messaging(): Promise<HealthIndicatorResult> {
    const broker = await this.kafkaPing();
    const kafka = broker['kafka'];
    const consumer = this.registry?.server?.consumerStatus ?? null;
    const backlog = await withTimeout(
      this.dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`),
      'outbox',
    ).then(
      (rows) => Number(rows[0]?.n ?? 0),
      () => null,
    );
    return this.health.check('messaging').up({
      broker: kafka?.status === 'up' ? 'reachable' : 'unreachable',
      ...(kafka?.status === 'up' ? {} : { brokerError: kafka?.['message'] }),
      consumer,
      outboxBacklog: backlog,
    });
  }

  async redisPing(): Promise<HealthIndicatorResult> {
    const check = this.health.check('redis');
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await withTimeout(this.redis.connect(), 'redis');
      await withTimeout(this.redis.ping(), 'redis');
      return check.up();
    } catch (error) {
      return check.down({ message: message(error) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.admin?.disconnect().catch(() => undefined);
  }
}

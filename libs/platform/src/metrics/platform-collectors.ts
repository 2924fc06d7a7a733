import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { prefixed, type TopicName } from '@sunshine/contracts';
import { Queue } from 'bullmq';
import type { Admin, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

import { CONSUMED_TOPICS } from '../bootstrap/service-replica';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { withTimeout } from '../health/dependency.indicators';
import type { ConsumerMetrics } from '../messaging/consumer-metrics';
import { EventServerRegistry } from '../messaging/event-server.registry';
import { KAFKA } from '../messaging/kafka.token';
import { MetricsRegistry } from './metrics.registry';

/** Consumer lag is read from Kafka at most this often (one fetchOffsets + one fetchTopicOffsets per topic). */
export const LAG_CACHE_MS = 10_000;

/** The consumer counters exported, by metric name (each a `_total` counter of ConsumerMetrics' field). */
const CONSUMER_COUNTERS: ReadonlyArray<readonly [string, keyof ConsumerMetrics, string]> = [
  ['kafka_consumer_messages_received_total', 'received', 'messages delivered to the consumer 消费者收到的消息'],
  ['kafka_consumer_messages_applied_total', 'applied', 'messages handled and committed 已处理并提交的消息'],
  ['kafka_consumer_duplicates_total', 'duplicates', 'redeliveries already applied (inbox) 重复投递'],
  ['kafka_consumer_skipped_total', 'skipped', 'unknown types or newer versions skipped 跳过的未知类型/新版本'],
  ['kafka_consumer_handler_failures_total', 'failures', 'handler attempts that failed and were retried 处理失败并重试的次数'],
  ['kafka_consumer_dead_lettered_total', 'deadLettered', 'messages moved to the dead letters 转入死信的消息'],
  ['kafka_consumer_signature_rejected_total', 'rejected', 'messages not signed by their producer, dead-lettered 签名无效而转入死信的消息'],
  ['kafka_consumer_parked_total', 'parked', 'messages parked behind a dead-lettered key 因同键死信而暂存的消息'],
];

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/**
 * Lag per partition: the high watermark minus the group's committed offset; a partition the group never committed
 * counts from the low watermark (everything retained is still to read).
 */
export function partitionLags(
  committed: ReadonlyArray<{ topic: string; partitions: ReadonlyArray<{ partition: number; offset: string }> }>,
  watermarks: ReadonlyArray<{ topic: string; partitions: ReadonlyArray<{ partition: number; high: string; low: string }> }>,
): PartitionLag[] {
  const lags: PartitionLag[] = [];
  for (const { topic, partitions } of watermarks) {
    const offsets = new Map((committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    for (const p of partitions) {
      const high = Number(p.high);
      const offset = offsets.get(p.partition) ?? -1;
      const from = offset < 0 ? Number(p.low) : offset;
      lags.push({ topic, partition: p.partition, lag: Math.max(0, high - from) });
    }
  }
  return lags;
}

/**
 * The platform's families, read at each scrape (a dependency that does not answer within 2 s leaves the family's last
 * values): the outbox (backlog, age of its oldest unpublished row), dead letters
 * still parked and the messages held behind them, the consumer's counters, its lag per topic and partition, and the
 * depth of every BullMQ queue the service registered (by state, failed included).
 */
@Injectable()
export class PlatformCollectors implements OnModuleInit, OnApplicationShutdown {
  private admin?: Admin;
  private lag?: { at: number; lags: PartitionLag[] };

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(CONSUMED_TOPICS) private readonly topics: readonly TopicName[],
    @Optional() private readonly servers?: EventServerRegistry,
  ) {}

  onModuleInit(): void {
    // The families' collect() runs with the metric as `this`; these reach the collectors.
    const collectors = {
      query: <T>(sql: string) => this.query<T>(sql),
      servers: this.servers,
      consumerLag: (groupId: string) => this.consumerLag(groupId),
      queues: () => this.queues(),
    };
    this.metrics.gauge({
      name: 'outbox_backlog',
      help: 'outbox rows not yet published to Kafka 发件箱未发布的行数',
      async collect() {
        const rows = await collectors.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`);
        if (rows) this.set(Number(rows[0]?.n ?? 0));
      },
    });
    this.metrics.gauge({
      name: 'outbox_oldest_age_seconds',
      help: 'age of the oldest unpublished outbox row (0 when empty) 最早未发布行的年龄',
      async collect() {
        const rows = await collectors.query<{ oldest: string | null }>(
          `SELECT EXTRACT(EPOCH FROM now() - min(created_at)) AS oldest FROM outbox WHERE published_at IS NULL`,
        );
        if (rows) this.set(Math.max(0, Number(rows[0]?.oldest ?? 0)));
      },
    });
    this.metrics.gauge({
      name: 'dead_letters_parked',
      help: 'dead letters waiting for an operator (status parked) 待处理的死信',
      async collect() {
        const rows = await collectors.query<{ n: string }>(`SELECT count(*) AS n FROM dead_letters WHERE status = 'parked'`);
        if (rows) this.set(Number(rows[0]?.n ?? 0));
      },
    });
    this.metrics.gauge({
      name: 'parked_messages',
      help: 'messages held behind a dead-lettered key 因同键死信而暂存的消息',
      async collect() {
        const rows = await collectors.query<{ n: string }>(`SELECT count(*) AS n FROM parked_messages`);
        if (rows) this.set(Number(rows[0]?.n ?? 0));
      },
    });
    this.metrics.gauge({
      name: 'parked_keys',
      help: 'distinct keys with parked messages 有暂存消息的键数',
      async collect() {
        const rows = await collectors.query<{ n: string }>(`SELECT count(DISTINCT message_key) AS n FROM parked_messages`);
        if (rows) this.set(Number(rows[0]?.n ?? 0));
      },
    });
    for (const [name, field, help] of CONSUMER_COUNTERS) {
      this.metrics.counter({
        name,
        help,
        labelNames: ['group'] as const,
        collect() {
          const server = collectors.servers?.server;
          if (!server) return;
          this.reset();
          this.inc({ group: server.groupId }, server.metrics[field]);
        },
      });
    }
    this.metrics.gauge({
      name: 'kafka_consumer_lag',
      help: 'messages behind the high watermark, per group and partition 消费滞后（按组与分区）',
      labelNames: ['group', 'topic', 'partition'] as const,
      async collect() {
        const server = collectors.servers?.server;
        if (!server) return;
        const lags = await collectors.consumerLag(server.groupId);
        if (!lags) return;
        this.reset();
        for (const l of lags) this.set({ group: server.groupId, topic: l.topic, partition: String(l.partition) }, l.lag);
      },
    });
    this.metrics.gauge({
      name: 'bullmq_queue_jobs',
      help: 'BullMQ jobs by queue and state (waiting, active, delayed, failed) 队列任务数',
      labelNames: ['queue', 'state'] as const,
      async collect() {
        const queues = collectors.queues();
        const counts = await Promise.all(
          queues.map((q) =>
            withTimeout(q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'), `queue ${q.name}`).catch(() => undefined),
          ),
        );
        this.reset();
        queues.forEach((q, i) => {
          for (const [state, n] of Object.entries(counts[i] ?? {})) this.set({ queue: q.name, state }, n);
        });
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  /** Rows of a read-only query on the service's schema, or undefined when PostgreSQL did not answer in time. */
  async query<T>(sql: string): Promise<T[] | undefined> {
    return withTimeout(this.dataSource.query<T[]>(sql), 'postgresql').catch(() => undefined);
  }

  private queues(): Queue[] {
    const seen = new Set<Queue>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof Queue) seen.add(instance);
    }
    return [...seen];
  }

  /** The group's lag per topic and partition (cached LAG_CACHE_MS); undefined when Kafka does not answer. */
  async consumerLag(groupId: string): Promise<PartitionLag[] | undefined> {
    if (this.lag && Date.now() - this.lag.at < LAG_CACHE_MS) return this.lag.lags;
    const topics = this.topics.map((t) => prefixed(this.config.kafka.topicPrefix, t));
    try {
      if (!this.admin) {
        this.admin = this.kafka.admin();
        await withTimeout(this.admin.connect(), 'kafka');
      }
      const admin = this.admin;
      const committed = await withTimeout(admin.fetchOffsets({ groupId, topics }), 'kafka');
      const watermarks = await Promise.all(
        topics.map(async (topic) => ({ topic, partitions: await withTimeout(admin.fetchTopicOffsets(topic), 'kafka') })),
      );
      this.lag = { at: Date.now(), lags: partitionLags(committed, watermarks) };
      return this.lag.lags;
    } catch {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return undefined;
    }
  }
}

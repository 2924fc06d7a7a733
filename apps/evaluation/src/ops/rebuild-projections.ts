import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { prefixed, Topics } from '@sunshine/contracts';
import { createKafka, KafkaEventServer, loadPlatformConfig, type PlatformConfig } from '@sunshine/platform';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

import { AppModule } from '../app.module';

/** Where the rebuild writes and which consumer group reads the topics from offset zero. */
export interface RebuildTarget {
  /** The fresh schema's prefix: the projections land in `<schemaPrefix>_evaluation`. */
  readonly schemaPrefix: string;
  /** A consumer group of its own (never the service's): its committed offsets start at zero. */
  readonly groupPrefix: string;
}

async function endOffsets(kafka: Kafka, topics: readonly string[]): Promise<Array<{ topic: string; partition: number; offset: number }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const all = await Promise.all(
      topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: Number(p.offset) })),
      ),
    );
    return all.flat();
  } finally {
    await admin.disconnect();
  }
}

/** Waits until `groupId` has committed every partition up to the end offsets recorded before it started. */
async function caughtUp(
  kafka: Kafka,
  groupId: string,
  ends: ReadonlyArray<{ topic: string; partition: number; offset: number }>,
  timeoutMs: number,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const topics = [...new Set(ends.map((e) => e.topic))];
      const committed = await admin.fetchOffsets({ groupId, topics });
      const at = new Map(committed.flatMap((t) => t.partitions.map((p) => [`${t.topic}/${p.partition}`, Number(p.offset)] as const)));
      if (ends.every((e) => e.offset === 0 || (at.get(`${e.topic}/${e.partition}`) ?? -1) >= e.offset)) return;
      if (Date.now() > until) throw new Error(`rebuild did not catch up within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * One pass: the projections-only service consumes `topics` with the rebuild's own group until it reached their end
 * offsets (recorded now), then stops. A pass is an application of its own, so the next pass starts after this one.
 */
async function consume(
  config: PlatformConfig,
  kafka: Kafka,
  topics: ReadonlyArray<(typeof Topics)[keyof typeof Topics]>,
  timeoutMs: number,
): Promise<void> {
  const ends = await endOffsets(
    kafka,
    topics.map((t) => prefixed(config.kafka.topicPrefix, t)),
  );
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, 'rebuild'), new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  try {
    const server = new KafkaEventServer(config, kafka, app.get(DataSource), { topics: [...topics] });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
    await app.init();
    await app.startAllMicroservices();
    await caughtUp(kafka, server.groupId, ends, timeoutMs);
  } finally {
    await app.close();
  }
}

/**
 * Rebuilds evaluation's projections (the case replica, the KPI facts and rollups, staff ratings and flags) from offset
 * zero into a fresh schema, announcing nothing: the directory and reference data first (visibility and clocks read
 * them), then the case log, each up to the end it had when its pass started. Compare, then swap schemas (docs).
 */
export async function rebuildProjections(env: NodeJS.ProcessEnv, target: RebuildTarget, timeoutMs = 600_000): Promise<void> {
  const base = loadPlatformConfig('evaluation', { ...env, DB_SCHEMA_PREFIX: target.schemaPrefix });
  const config: PlatformConfig = { ...base, consumer: { ...base.consumer, groupPrefix: target.groupPrefix } };
  const kafka = createKafka(`evaluation-rebuild-${target.groupPrefix}`, config.kafka.brokers, config.kafka.security);
  await consume(config, kafka, [Topics.orgDirectory, Topics.referenceData], timeoutMs);
  await consume(config, kafka, [Topics.caseLog], timeoutMs);
}

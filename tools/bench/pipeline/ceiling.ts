import { randomBytes } from 'node:crypto';

import { createKafka } from '@sunshine/platform';
import { infraEnv } from '@sunshine/testing';
import { Pool, type PoolClient } from 'pg';

/** What the infrastructure itself does on this machine, now: the ceiling the platform's figures are a ratio of. */
export interface Ceiling {
  /** kafkajs, 1 kB messages in batches of 500, acks all, idempotent. */
  readonly kafkaProducePerSec: number;
  /** kafkajs, the same messages read back by one consumer group. */
  readonly kafkaConsumePerSec: number;
  /** PostgreSQL, one-row INSERT transactions, 16 connections. */
  readonly pgSingleRowTxPerSec: number;
  /** PostgreSQL, a registration-shaped transaction (an advisory lock, a counter update, 4 inserts), 16 connections. */
  readonly pgRegistrationTxPerSec: number;
}

async function kafkaCeiling(seconds: number): Promise<Pick<Ceiling, 'kafkaProducePerSec' | 'kafkaConsumePerSec'>> {
  const kafka = createKafka(`bench-ceiling-${randomBytes(3).toString('hex')}`, infraEnv().kafkaBrokers);
  const topic = `bench-ceiling-${randomBytes(4).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 12, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false });
  await producer.connect();
  const value = Buffer.alloc(1024, 'x');
  let produced = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    const messages = Array.from({ length: 500 }, (_, i) => ({ key: String((produced + i) % 997), value }));
    await producer.send({ topic, acks: -1, messages });
    produced += messages.length;
  }
  const produceMs = Date.now() - t0;
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `${topic}-g`, sessionTimeout: 10000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  let first = 0;
  let last = 0;
  await consumer.run({
    partitionsConsumedConcurrently: 12,
    eachBatch: async ({ batch }) => {
      if (first === 0) first = Date.now();
      consumed += batch.messages.length;
      last = Date.now();
    },
  });
  const deadline = Date.now() + 60000;
  while (consumed < produced && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return { kafkaProducePerSec: produced / (produceMs / 1000), kafkaConsumePerSec: consumed / (Math.max(1, last - first) / 1000) };
}

async function pgRun(pool: Pool, seconds: number, work: (c: PoolClient, i: number) => Promise<void>): Promise<number> {
  let done = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      const client = await pool.connect();
      try {
        for (let i = 0; Date.now() - t0 < seconds * 1000; i++) {
          await work(client, worker * 1_000_000 + i);
          done++;
        }
      } finally {
        client.release();
      }
    }),
  );
  return done / ((Date.now() - t0) / 1000);
}

async function pgCeiling(seconds: number): Promise<Pick<Ceiling, 'pgSingleRowTxPerSec' | 'pgRegistrationTxPerSec'>> {
  const schema = `bench_ceiling_${randomBytes(3).toString('hex')}`;
  const pool = new Pool({ connectionString: infraEnv().databaseUrl, max: 16, options: `-c search_path=${schema}` });
  const admin = await pool.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(`CREATE TABLE ${schema}.rows (id bigint PRIMARY KEY, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await admin.query(`CREATE TABLE ${schema}.counters (k text PRIMARY KEY, n bigint NOT NULL)`);
    await admin.query(`INSERT INTO ${schema}.counters SELECT 'c' || g, 0 FROM generate_series(0, 15) g`);
    for (const t of ['petitions', 'persons', 'outbox', 'replica']) {
      await admin.query(`CREATE TABLE ${schema}.${t} (id uuid PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    }
  } finally {
    admin.release();
  }
  const body = JSON.stringify({ subject: '拖欠工资', content: '工程结束后老板拖欠工资三个月未付，请求帮助追讨。'.repeat(8) });
  try {
    const single = await pgRun(pool, seconds, async (c, i) => {
      await c.query(`INSERT INTO rows (id, payload) VALUES ($1, $2)`, [i, body]);
    });
    const registration = await pgRun(pool, seconds, async (c, i) => {
      await c.query('BEGIN');
      try {
        await c.query('SELECT pg_advisory_xact_lock($1)', [i % 16]);
        await c.query(`UPDATE counters SET n = n + 1 WHERE k = $1`, [`c${i % 16}`]);
        for (const t of ['petitions', 'persons', 'outbox', 'replica'])
          await c.query(`INSERT INTO ${t} (id, body) VALUES (gen_random_uuid(), $1)`, [body]);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      }
    });
    return { pgSingleRowTxPerSec: single, pgRegistrationTxPerSec: registration };
  } finally {
    await pool.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

/** Measures the ceiling: Kafka then PostgreSQL, `seconds` each (in the same run as the platform's figures). */
export async function measureCeiling(seconds: number): Promise<Ceiling> {
  const kafka = await kafkaCeiling(seconds);
  const pg = await pgCeiling(seconds);
  return { ...kafka, ...pg };
}

import { createKafka, readTopic, redisConnection } from '@sunshine/platform';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Client } from 'pg';

import { infraEnv, uniquePrefix } from '../src';

// The infrastructure deploy/local/infra.sh started is real and answers: Kafka, PostgreSQL and Redis.
describe('real infrastructure round trip', () => {
  const infra = infraEnv();
  const prefix = uniquePrefix('rt');

  it('produces and consumes a message on Kafka', async () => {
    const kafka = createKafka('roundtrip-test', infra.kafkaBrokers);
    const admin = kafka.admin();
    await admin.connect();
    const topic = `${prefix}.roundtrip`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: '你好 Kafka' }] });
    await producer.disconnect();
    const messages = await readTopic(kafka, topic);
    expect(messages.map((m) => [m.key, m.value])).toEqual([['case-1', '你好 Kafka']]);
  });

  it('writes and reads a row in PostgreSQL', async () => {
    const client = new Client({ connectionString: infra.databaseUrl });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${prefix}"`);
      await client.query(`CREATE TABLE "${prefix}".t (id int PRIMARY KEY, label text)`);
      await client.query(`INSERT INTO "${prefix}".t VALUES (1, '延津县信访局')`);
      const res = await client.query<{ label: string }>(`SELECT label FROM "${prefix}".t WHERE id = 1`);
      expect(res.rows[0]?.label).toBe('延津县信访局');
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${prefix}" CASCADE`);
      await client.end();
    }
  });

  it('round-trips a BullMQ job through Redis', async () => {
    const connection = redisConnection(infra.redisUrl);
    const queue = new Queue(`${prefix}-jobs`, { connection });
    const events = new QueueEvents(`${prefix}-jobs`, { connection });
    const worker = new Worker(`${prefix}-jobs`, async (job) => ({ doubled: (job.data as { n: number }).n * 2 }), { connection });
    try {
      await events.waitUntilReady();
      const job = await queue.add('double', { n: 21 });
      const result: unknown = await job.waitUntilFinished(events, 20000);
      expect(result).toEqual({ doubled: 42 });
    } finally {
      await worker.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

import { randomUUID } from 'node:crypto';

import { Topics } from '@sunshine/contracts';
import { createKafka, ensureTopics, type ServiceName } from '@sunshine/platform';
import { infraEnv, ServiceHarness, signedMessage, sql } from '@sunshine/testing';

import { dispatched, registered } from '../../libs/platform/test/support/test-events';
import { benchArgs, loadAverage, writeResult } from './bench-support';

/**
 * Case-log catch-up of one real service (from dist/): N cases (a `petition.registered` and a `case.dispatched` each)
 * are put on a case log of its own prefix, then the service starts and folds them into its case replica and runs its
 * reactions; prints events/s from its group's first offset commit to its offsets at the end (polled every 250 ms). Options go to the service's environment
 * with --env (e.g. --env CONSUMER_CHUNK_MAX=1,CONSUMER_PARTITIONS_CONCURRENTLY=1 for one transaction per message, one
 * partition at a time).
 *
 *   npm run bench fold -- --service notification --cases 1500
 */
const args = benchArgs({ service: 'notification', cases: 1500, env: '' });

async function committed(kafka: ReturnType<typeof createKafka>, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (t?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const load0 = loadAverage();
  const service = args.service as ServiceName;
  const env = Object.fromEntries(
    args.env
      .split(',')
      .filter(Boolean)
      .map((kv) => kv.split('=', 2) as [string, string]),
  );
  const h = await ServiceHarness.create({ LOG_LEVEL: 'warn', TEST_CLOCK: 'system', ...env });
  const kafka = createKafka('bench-fold', infraEnv().kafkaBrokers);
  const topic = h.topic(Topics.caseLog);
  try {
    await ensureTopics(kafka, h.prefix);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const events = Array.from({ length: args.cases }, (_, i) => {
      const caseId = randomUUID();
      return [registered(caseId, `fold-${i}`), dispatched(caseId)];
    }).flat();
    for (let i = 0; i < events.length; i += 500) {
      await producer.send({
        topic,
        acks: -1,
        messages: events.slice(i, i + 500).map((e) => signedMessage(h.keys, Topics.caseLog, e.caseId ?? '', e)),
      });
    }
    await producer.disconnect();
    const t0 = Date.now();
    await h.start(service);
    const tReady = Date.now();
    let done = 0;
    let tFirst: number | undefined;
    while (done < events.length && Date.now() - t0 < 900000) {
      await new Promise((r) => setTimeout(r, 250));
      done = await committed(kafka, `${h.prefix}.${service}`, topic);
      if (done > 0) tFirst ??= Date.now();
    }
    // From the first commit (the group joined, the first chunk applied) to the last: the fold's own rate.
    const seconds = (Date.now() - (tFirst ?? tReady)) / 1000;
    const schema = h.schema(service);
    const [replica] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".case_replica`);
    const [dead] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".dead_letters`);
    // Inbox rows written by one transaction share its xmin: how many transactions applied the events.
    const [tx] = await sql<{ n: string }>(`SELECT count(DISTINCT xmin::text) AS n FROM "${schema}".processed_events`);
    const result = {
      service,
      events: events.length,
      committed: done,
      seconds,
      perSec: done / seconds,
      replicaCases: Number(replica?.n),
      transactions: Number(tx?.n),
      deadLetters: Number(dead?.n),
      env,
      load: { start: load0, end: loadAverage() },
    };
    process.stdout.write(
      `fold ${service}: ${done} of ${events.length} case-log events committed in ${seconds.toFixed(1)} s from its first commit (start ${((tFirst ?? tReady) - t0) / 1000} s) = ${result.perSec.toFixed(0)} events/s ` +
        `(${result.transactions} transactions; replica ${result.replicaCases} cases, dead letters ${result.deadLetters}; env ${JSON.stringify(env)}); load ${result.load.start} → ${result.load.end}\n`,
    );
    process.stdout.write(`JSON: ${writeResult('fold', result)}\n`);
  } finally {
    await h.stopAll().catch(() => undefined);
    await sql(`DROP SCHEMA IF EXISTS "${h.schema(service)}" CASCADE`).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

import { randomUUID } from 'node:crypto';

import { registered } from '../../libs/platform/test/support/test-events';
import { CONSUMER_FIXTURE, TestRun } from '../../libs/platform/test/support/test-run';
import { benchArgs, loadAverage, writeResult } from './bench-support';

/**
 * Consumer catch-up: the platform's Kafka transport (KafkaEventServer: inbox row + effect per transaction, offsets,
 * parking lot) in the consumer fixture process, started against a backlog of N `petition.registered` events over the
 * case log's 12 partitions; prints events/s from the first effect to the last. Options go to the fixture's
 * environment with --env (e.g. --env CONSUMER_PARTITIONS_CONCURRENTLY=4).
 *
 *   npm run bench consumer -- --events 3000
 */
const args = benchArgs({ events: 3000, env: '' });

async function main(): Promise<void> {
  const load0 = loadAverage();
  const run = await TestRun.create('bc');
  try {
    const schema = run.schema('routing');
    const events = Array.from({ length: args.events }, (_, i) => registered(randomUUID(), `bench-${i}`));
    for (let i = 0; i < events.length; i += 500) await run.produce(events.slice(i, i + 500));
    const env = Object.fromEntries(
      args.env
        .split(',')
        .filter(Boolean)
        .map((kv) => kv.split('=', 2) as [string, string]),
    );
    const t0 = Date.now();
    const fixture = run.start('consumer', CONSUMER_FIXTURE, env);
    await fixture.waitFor(/FIXTURE READY/, 120000);
    const tReady = Date.now();
    let done = 0;
    while (done < args.events && Date.now() - tReady < 600000) {
      await new Promise((r) => setTimeout(r, 250));
      done = await run.count(`SELECT count(*) AS n FROM "${schema}".fx_effects`);
    }
    const [span] = await run.query<{ first: Date; last: Date }>(
      `SELECT min(applied_at) AS first, max(applied_at) AS last FROM "${schema}".fx_effects`,
    );
    const seconds = span ? (new Date(span.last).getTime() - new Date(span.first).getTime()) / 1000 : NaN;
    const duplicates = await run.count(`SELECT count(*) - count(DISTINCT event_id) AS n FROM "${schema}".fx_effects`);
    const result = {
      events: args.events,
      applied: done,
      duplicates,
      seconds,
      perSec: done / seconds,
      startMs: tReady - t0,
      env,
      load: { start: load0, end: loadAverage() },
    };
    process.stdout.write(
      `consumer catch-up: ${done} of ${args.events} applied in ${seconds.toFixed(1)} s = ${result.perSec.toFixed(0)} events/s ` +
        `(duplicates ${duplicates}; process start ${result.startMs} ms; env ${JSON.stringify(env)}); load ${result.load.start} → ${result.load.end}\n`,
    );
    process.stdout.write(`JSON: ${writeResult('consumer', result)}\n`);
  } finally {
    await run.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

import { randomUUID } from 'node:crypto';

import { forSuite } from '@sunshine/testing';

import { registered } from './support/test-events';
import { CONSUMER_FIXTURE, TestRun } from './support/test-run';

/**
 * Acceptance: a consumer killed with SIGKILL after its effect committed but before its offset commit receives the
 * event again when it comes back, and applies it once (the inbox row is in the effect's transaction).
 */
describe('consumer crash between effect and offset commit (SIGKILL at a fail point)', () => {
  const run = forSuite(
    () => TestRun.create('cc'),
    (r) => r.cleanup(),
  );

  it('delivers the event twice and applies it once', async () => {
    const t0 = Date.now();
    const schema = run.schema('routing');
    const groupId = `${run.prefix}.routing`;
    const first = run.start('consumer-1', CONSUMER_FIXTURE, { FAILPOINTS: 'consumer.after-effect:petition.registered' });
    await first.waitFor(/FIXTURE READY/);

    const caseId = randomUUID();
    const event = registered(caseId, 'crash');
    await run.produce([event]);

    // The fail point kills the process right after the effect's transaction committed.
    const exit = await first.waitExit(90000);
    expect(exit.signal).toBe('SIGKILL');
    const tKilled = Date.now();
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".fx_effects WHERE event_id = $1`, [event.id])).toBe(1);
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".fx_deliveries WHERE event_id = $1`, [event.id])).toBe(1);
    // ... and before the offset was committed.
    const admin = run.kafka.admin();
    await admin.connect();
    const committed = async () =>
      (await admin.fetchOffsets({ groupId, topics: [run.topic()] }))[0]?.partitions.filter((p) => p.offset !== '-1') ?? [];
    expect(await committed()).toEqual([]);

    // Back without the fail point: the event comes again, the inbox turns it into a duplicate.
    const second = run.start('consumer-2', CONSUMER_FIXTURE);
    const [, url] = (await second.waitFor(/FIXTURE READY (\S+)/)) as unknown as [string, string];
    const deliveries = await eventuallyRows(
      () => run.query<{ pid: number }>(`SELECT pid FROM "${schema}".fx_deliveries WHERE event_id = $1 ORDER BY seq`, [event.id]),
      2,
    );
    expect(deliveries.map((d) => d.pid)).toEqual([first.pid, second.pid]);
    const effects = await run.query<{ pid: number; mode: string }>(`SELECT pid, mode FROM "${schema}".fx_effects WHERE event_id = $1`, [
      event.id,
    ]);
    expect(effects).toEqual([{ pid: first.pid, mode: 'live' }]);
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".processed_events WHERE event_id = $1`, [event.id])).toBe(1);

    // The duplicate is committed this time, and counted as one by the transport.
    await waitFor(async () => (await committed()).some((p) => p.offset !== '-1'), 60000, 'the offset commit');
    await admin.disconnect();
    const stats = await fetch(`${url}/ops/messaging/stats`, { headers: { authorization: `Bearer ${await run.staffToken()}` } });
    expect(stats.status).toBe(200);
    expect(await stats.json()).toMatchObject({ received: 1, applied: 0, duplicates: 1 });
    await second.kill('SIGTERM');

    // Figures for the report.
    process.stdout.write(
      `consumer crash: killed after ${tKilled - t0} ms, redelivered and deduplicated ${Date.now() - tKilled} ms later\n`,
    );
  }, 240000);

  it('starts its consumer again after a crash kafkajs does not restart from, and applies the event once', async () => {
    const schema = run.schema('routing');
    const proc = run.start('consumer-nr', CONSUMER_FIXTURE, { FIXTURE_NONRETRIABLE_ONCE: '1' });
    const [, url] = (await proc.waitFor(/FIXTURE READY (\S+)/)) as unknown as [string, string];
    const event = registered(randomUUID(), 'non-retriable');
    await run.produce([event]);
    // The first delivery crashed the consumer (not recorded: it failed before); the consumer started anew got it again.
    await eventuallyRows(() => run.query(`SELECT 1 FROM "${schema}".fx_effects WHERE event_id = $1`, [event.id]), 1);
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".fx_effects WHERE event_id = $1`, [event.id])).toBe(1);
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".fx_deliveries WHERE event_id = $1`, [event.id])).toBe(1);
    expect(proc.log).toContain('the consumer stopped after a non-retriable error (The coordinator is not aware of this member (fixture))');
    const health = await fetch(`${url}/health/ready`);
    expect(health.status).toBe(200);
    await proc.kill('SIGTERM');
  }, 240000);
});

async function eventuallyRows<T>(probe: () => Promise<T[]>, n: number, timeoutMs = 90000): Promise<T[]> {
  let rows: T[] = [];
  await waitFor(async () => (rows = await probe()).length >= n, timeoutMs, `${n} rows`);
  return rows;
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

import { randomUUID } from 'node:crypto';

import { eventually, forSuite } from '@sunshine/testing';

import { dispatched, registered } from './support/test-events';
import { CONSUMER_FIXTURE, TestRun } from './support/test-run';

/**
 * The transport keeps the consumer's session alive while a handler runs longer than the session timeout, and on
 * SIGTERM finishes the message in hand, commits its offset and leaves: nothing is delivered twice.
 */
describe('long handlers and graceful shutdown', () => {
  const run = forSuite(
    () => TestRun.create('cs'),
    (r) => r.cleanup(),
  );

  it('heartbeats through a handler three times as long as the session, finishes it on SIGTERM, and is not redelivered', async () => {
    const t0 = Date.now();
    const schema = run.schema('routing');
    const sessionMs = 6000;
    const first = run.start('consumer-1', CONSUMER_FIXTURE, { CONSUMER_SESSION_TIMEOUT_MS: String(sessionMs) });
    await first.waitFor(/FIXTURE READY/);
    const caseId = randomUUID();
    await run.db.query(`INSERT INTO "${schema}".fx_slow (case_id, ms) VALUES ($1, $2)`, [caseId, 3 * sessionMs]);
    const slow = registered(caseId, 'slow');
    await run.produce([slow]);
    await first.waitFor(new RegExp(`SLOW HANDLER START ${slow.id}`), 90000);
    const tStarted = Date.now();

    // Past the session timeout, still in the handler: stop the process politely.
    await new Promise((r) => setTimeout(r, sessionMs + 2000));
    expect(first.log).not.toContain(`SLOW HANDLER END ${slow.id}`);
    first.child.kill('SIGTERM');
    await first.waitExit(60000);
    const tExited = Date.now();
    expect(first.log).toContain(`SLOW HANDLER END ${slow.id}`);
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".fx_effects WHERE event_id = $1`, [slow.id])).toBe(1);
    const admin = run.kafka.admin();
    await admin.connect();
    const committed = (await admin.fetchOffsets({ groupId: `${run.prefix}.routing`, topics: [run.topic()] }))[0]?.partitions ?? [];
    await admin.disconnect();
    expect(committed.filter((p) => p.offset !== '-1').length).toBe(1);

    // The next process goes on from there: the slow event is not delivered again.
    await run.db.query(`DELETE FROM "${schema}".fx_slow WHERE case_id = $1`, [caseId]);
    const second = run.start('consumer-2', CONSUMER_FIXTURE);
    await second.waitFor(/FIXTURE READY/);
    const next = dispatched(caseId, 1);
    await run.produce([next]);
    await eventually(
      async () =>
        (await run.count(`SELECT count(*) AS n FROM "${schema}".fx_effects WHERE event_id = $1`, [next.id])) === 1 ? true : undefined,
      90000,
      'the next event',
    );
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".fx_deliveries WHERE event_id = $1`, [slow.id])).toBe(1);
    expect(second.log).not.toContain(slow.id);
    await second.kill('SIGTERM');
    process.stdout.write(
      `long handler + SIGTERM: handler ran ${3 * sessionMs} ms (session ${sessionMs} ms), process exited ${tExited - tStarted} ms after it started; ` +
        `whole test ${Date.now() - t0} ms\n`,
    );
  }, 240000);
});

import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { deadLetterTopic, prefixed } from '@sunshine/contracts';
import { readTopic, unsignedHistoryNow } from '@sunshine/platform';
import { eventually } from '@sunshine/testing';

import type { FixtureProcess } from './support/fixture-process';
import { dispatched, registered } from './support/test-events';
import { CONSUMER_FIXTURE, TestRun } from './support/test-run';

/**
 * Acceptance (issue 18): a service cannot write another service's events. Kafka's ACLs let intake write the case log,
 * so intake's key signs a `case.dispatched` whose envelope says producer routing: supervision's consumer (the platform's
 * KafkaEventServer, real Kafka and PostgreSQL) never applies it, dead-letters it with EVENT_PRODUCER_MISMATCH and
 * counts it; the genuine `case.dispatched`, signed by routing, is applied.
 */
describe('producer-signed events (supervision’s consumer process)', () => {
  let run: TestRun;
  let consumer: FixtureProcess;
  let url: string;
  let schema: string;

  beforeAll(async () => {
    run = await TestRun.create('sig');
    schema = run.schema('supervision');
    consumer = run.start('consumer', CONSUMER_FIXTURE, { FIXTURE_SERVICE: 'supervision' });
    url = (await consumer.waitFor(/FIXTURE READY (\S+)/))[1] ?? '';
  }, 120000);

  afterAll(async () => {
    await run?.cleanup();
  });

  const effectsOf = (caseId: string) =>
    run.query<{ event_id: string }>(`SELECT event_id FROM "${schema}".fx_effects WHERE case_id = $1 ORDER BY seq`, [caseId]);

  it('dead-letters case.dispatched that intake signed "from routing", never applies it, and applies the genuine one', async () => {
    const forgedCase = randomUUID();
    const genuineCase = randomUUID();
    const forgedRegistered = registered(forgedCase, 'F1');
    const forged = dispatched(forgedCase);
    const genuine = [registered(genuineCase, 'G1'), dispatched(genuineCase)];
    await run.produce([forgedRegistered], 0);
    await run.produce([forged], 0, 'intake');
    await run.produce(genuine, 0);

    // The genuine case, behind the forgery on the same partition, is applied: both its events.
    await eventually(async () => ((await effectsOf(genuineCase)).length >= 2 ? true : undefined), 90000, 'the genuine case');
    expect((await effectsOf(genuineCase)).map((r) => r.event_id)).toEqual(genuine.map((e) => e.id));
    // The forged case: its (genuine) registration only.
    expect((await effectsOf(forgedCase)).map((r) => r.event_id)).toEqual([forgedRegistered.id]);

    const reason = 'EVENT_PRODUCER_MISMATCH: case.dispatched is published by routing, signed by intake';
    const rows = await run.query<{ event_id: string; event_type: string; error: string; attempts: number; status: string }>(
      `SELECT event_id, event_type, error, attempts, status FROM "${schema}".dead_letters WHERE message_key = $1`,
      [forgedCase],
    );
    expect(rows).toEqual([{ event_id: forged.id, event_type: 'case.dispatched', error: reason, attempts: 1, status: 'parked' }]);
    const dlq = (await readTopic(run.kafka, prefixed(run.prefix, deadLetterTopic('supervision')))).filter((m) => m.key === forgedCase);
    expect(dlq.map((m) => [m.headers['dlq-error'], m.headers['event-signer']])).toEqual([[reason, 'intake']]);

    // Counted in the consumer's metrics; the log names the code and where (never the payload).
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/kafka_consumer_signature_rejected_total\{[^}]*\} 1\n/);
    expect(consumer.log).toContain(`refused ${run.topic()}/0@`);
    expect(consumer.log).toContain(reason);
  }, 180000);
});

/**
 * A deployment upgraded with unsigned history: `npm run event-cutover` records each partition's end offset once the
 * unsigned producers stopped; a consumer given that file (EVENT_UNSIGNED_BELOW_FILE) reading from offset zero applies
 * the unsigned history below it, and still dead-letters an unsigned message written after it.
 */
describe('unsigned history before the cut-over (supervision’s consumer process, from offset zero)', () => {
  let run: TestRun;

  afterAll(async () => {
    await run?.cleanup();
  });

  it('applies unsigned events below the cut-over offsets, and dead-letters an unsigned one written after', async () => {
    run = await TestRun.create('cut');
    const schema = run.schema('supervision');
    const before = registered(randomUUID(), 'H1');
    const after = registered(randomUUID(), 'H2');
    // Unsigned, as the relays wrote before producers signed (no helper: these must carry no signature).
    const producer = run.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    const unsigned = (e: typeof before) => ({
      topic: run.topic(),
      acks: -1,
      messages: [{ key: e.caseId ?? '', value: JSON.stringify(e), partition: 0 }],
    });
    await producer.send(unsigned(before));
    const admin = run.kafka.admin();
    await admin.connect();
    const file = join(run.logDir, 'event-cutover.json');
    mkdirSync(run.logDir, { recursive: true });
    writeFileSync(file, JSON.stringify(await unsignedHistoryNow(admin, run.prefix)));
    await admin.disconnect();
    await producer.send(unsigned(after));
    await producer.disconnect();

    const consumer = run.start('consumer', CONSUMER_FIXTURE, { FIXTURE_SERVICE: 'supervision', EVENT_UNSIGNED_BELOW_FILE: file });
    await consumer.waitFor(/FIXTURE READY/);
    const effects = (caseId: string) =>
      run.query<{ event_id: string }>(`SELECT event_id FROM "${schema}".fx_effects WHERE case_id = $1`, [caseId]);
    const dead = () =>
      run.query<{ event_id: string; error: string }>(`SELECT event_id, error FROM "${schema}".dead_letters WHERE message_key = $1`, [
        after.caseId,
      ]);
    await eventually(async () => ((await dead()).length > 0 ? true : undefined), 90000, 'the unsigned message after the cut-over');
    expect((await effects(before.caseId ?? '')).map((r) => r.event_id)).toEqual([before.id]);
    expect(await effects(after.caseId ?? '')).toEqual([]);
    expect(await dead()).toEqual([{ event_id: after.id, error: 'EVENT_SIGNATURE_MISSING: no event-signer/event-signature headers' }]);
  }, 180000);
});

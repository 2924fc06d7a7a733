import { randomUUID } from 'node:crypto';

import { deadLetterTopic, prefixed } from '@sunshine/contracts';
import { readTopic } from '@sunshine/platform';
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

import type { AnyEvent } from '@sunshine/contracts';
import {
  ConsumerMetrics,
  type Correlation,
  currentCorrelation,
  EventSigner,
  EventVerifier,
  generateEventKeyPair,
  type Invoke,
  isInfrastructureOutage,
  MessageProcessor,
  type PlatformConfig,
  type RawMessage,
  runWithCorrelation,
} from '@sunshine/platform';
import type { Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';

import { dispatched, registered } from './support/test-events';

const CASE_ID = '0190a2b4-7c1e-7def-8000-0123456789ab';

describe('isInfrastructureOutage', () => {
  it('recognises a database that is away, restarting or in a transient conflict', () => {
    expect(isInfrastructureOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isInfrastructureOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isInfrastructureOutage(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toBe(true);
    expect(isInfrastructureOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    // Over the Unix socket of a PostgreSQL on this host, stopped: the socket file is gone.
    const socketGone = Object.assign(new Error('connect ENOENT /run/postgresql/.s.PGSQL.5432'), { code: 'ENOENT', syscall: 'connect' });
    expect(isInfrastructureOutage(socketGone)).toBe(true);
  });

  it('leaves a handler bug or a constraint violation to retries and the dead-letter topic', () => {
    expect(isInfrastructureOutage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isInfrastructureOutage(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isInfrastructureOutage('boom')).toBe(false);
    expect(isInfrastructureOutage(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open' }))).toBe(false);
  });
});

describe('MessageProcessor correlation', () => {
  const config = { consumer: { maxAttempts: 2, retryBaseMs: 1 }, failpoints: [] } as unknown as PlatformConfig;
  // The inbox insert answers "new"; the handler's transaction is the only thing the processor asks of the database.
  const manager = { query: async () => [{ event_id: 'x' }] } as unknown as EntityManager;
  const dataSource = { transaction: async <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;

  function processorWith(invoke: Invoke): MessageProcessor {
    return new MessageProcessor('routing', config, dataSource, {} as Producer, () => invoke, new ConsumerMetrics());
  }

  function message(event: AnyEvent): RawMessage {
    return { topic: 't.sunshine.case-log', partition: 0, offset: '7', key: event.caseId ?? '', value: JSON.stringify(event), headers: {} };
  }

  it('runs the handler in the handled event’s correlation, so what it emits is caused by that event', async () => {
    const cause = runWithCorrelation({ correlationId: 'test-http-9' }, () => registered(CASE_ID));
    const seen: Array<Correlation | undefined> = [];
    const emitted: AnyEvent[] = [];
    const processor = processorWith(async () => {
      seen.push(currentCorrelation());
      emitted.push(dispatched(CASE_ID));
    });

    const result = await processor.apply(message(cause), 'live');

    expect(result.outcome).toBe('applied');
    expect(seen).toEqual([{ correlationId: 'test-http-9', causationId: cause.id }]);
    expect(emitted[0]).toMatchObject({ correlationId: 'test-http-9', causationId: cause.id });
    expect(currentCorrelation()).toBeUndefined();
  });

  it('keeps the handled event’s correlation on a retry after a failure', async () => {
    const cause = registered(CASE_ID);
    const seen: Array<string | undefined> = [];
    const processor = processorWith(async () => {
      seen.push(currentCorrelation()?.correlationId);
      if (seen.length === 1) throw new Error('first attempt fails');
    });

    expect((await processor.apply(message(cause), 'live')).outcome).toBe('applied');
    expect(seen).toEqual([cause.id, cause.id]);
  });
});

describe('MessageProcessor.applyChunk (consecutive messages of a partition in one transaction)', () => {
  const config = { consumer: { maxAttempts: 2, retryBaseMs: 1 }, failpoints: [] } as unknown as PlatformConfig;

  /** A database of inbox rows: a transaction's rows count only once it commits; `parked` keys wait behind a dead letter. */
  function database(committed: Set<string>, parked: readonly string[] = []) {
    const transactions: string[][] = [];
    const dataSource = {
      query: async (_sql: string, params: unknown[]) =>
        (params[2] as string[]).some((k) => parked.includes(k)) ? [{ '?column?': 1 }] : [],
      transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
        const staged: string[] = [];
        const manager = {
          query: async (_sql: string, params: unknown[]) => {
            const id = String(params[1]);
            if (committed.has(id) || staged.includes(id)) return [];
            staged.push(id);
            return [{ event_id: id }];
          },
        } as unknown as EntityManager;
        const result = await work(manager);
        staged.forEach((id) => committed.add(id));
        transactions.push(staged);
        return result;
      },
    } as unknown as DataSource;
    return { dataSource, transactions };
  }

  function message(event: AnyEvent, offset: number): RawMessage {
    return {
      topic: 't.sunshine.case-log',
      partition: 0,
      offset: String(offset),
      key: event.caseId ?? '',
      value: JSON.stringify(event),
      headers: {},
    };
  }

  const OTHER_CASE = '0190a2b4-7c1e-7def-8000-0123456789ac';

  it('applies every new message in one transaction with its own inbox row, each in its own correlation, and skips one applied before', async () => {
    const first = registered(CASE_ID);
    const second = dispatched(CASE_ID);
    const seenBefore = registered(OTHER_CASE);
    const committed = new Set([seenBefore.id]);
    const { dataSource, transactions } = database(committed);
    const metrics = new ConsumerMetrics();
    const handled: Array<[string, string | undefined]> = [];
    const processor = new MessageProcessor(
      'routing',
      config,
      dataSource,
      {} as Producer,
      () => async (e) => {
        handled.push([e.id, currentCorrelation()?.causationId ?? undefined]);
      },
      metrics,
    );

    expect(await processor.applyChunk([message(first, 1), message(seenBefore, 2), message(second, 3)])).toBe(true);

    expect(transactions).toEqual([[first.id, second.id]]);
    expect(handled).toEqual([
      [first.id, first.id],
      [second.id, second.id],
    ]);
    expect([...committed].sort()).toEqual([first.id, second.id, seenBefore.id].sort());
    expect({ applied: metrics.applied, duplicates: metrics.duplicates }).toEqual({ applied: 2, duplicates: 1 });
  });

  it('commits nothing and hands the messages back when one handler fails, so each goes alone through the retries', async () => {
    const good = registered(CASE_ID);
    const poison = dispatched(OTHER_CASE);
    const committed = new Set<string>();
    const { dataSource } = database(committed);
    const metrics = new ConsumerMetrics();
    const processor = new MessageProcessor(
      'routing',
      config,
      dataSource,
      {} as Producer,
      () => async (e) => {
        if (e.id === poison.id) throw new Error('poison');
      },
      metrics,
    );

    expect(await processor.applyChunk([message(good, 1), message(poison, 2)])).toBe(false);

    expect(committed.size).toBe(0);
    expect({ applied: metrics.applied, duplicates: metrics.duplicates, failures: metrics.failures }).toEqual({
      applied: 0,
      duplicates: 0,
      failures: 0,
    });
  });

  it('does not open a transaction when a key of the chunk is parked behind a dead letter', async () => {
    const event = registered(CASE_ID);
    const { dataSource, transactions } = database(new Set(), [CASE_ID]);
    const processor = new MessageProcessor(
      'routing',
      config,
      dataSource,
      {} as Producer,
      () => async () => undefined,
      new ConsumerMetrics(),
    );

    expect(await processor.applyChunk([message(event, 1), message(registered(OTHER_CASE), 2)])).toBe(false);
    expect(transactions).toEqual([]);
  });
});

describe('MessageProcessor applies only events their producer signed (EVENT_KEYS_DIR)', () => {
  const config = { consumer: { maxAttempts: 2, retryBaseMs: 1 }, failpoints: [], kafka: { topicPrefix: 't' } } as unknown as PlatformConfig;
  const manager = { query: async () => [{ event_id: 'x' }] } as unknown as EntityManager;
  const dataSource = { transaction: async <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
  const routingKeys = generateEventKeyPair();
  const intakeKeys = generateEventKeyPair();
  const routing = EventSigner.fromPem('routing', routingKeys.privateKeyPem);
  const intake = EventSigner.fromPem('intake', intakeKeys.privateKeyPem);
  const verifier = EventVerifier.fromPems(
    new Map([
      ['routing', routingKeys.publicKeyPem],
      ['intake', intakeKeys.publicKeyPem],
    ]),
  );

  /** The message as `signer`'s relay publishes `event` on the run `t`'s case log. */
  function signedBy(signer: EventSigner, event: AnyEvent): RawMessage {
    const value = JSON.stringify(event);
    const key = event.caseId ?? '';
    return {
      topic: 't.sunshine.case-log',
      partition: 0,
      offset: '9',
      key,
      value,
      headers: signer.headers({ topic: 'sunshine.case-log', key, value }),
    };
  }

  function processor(handled: string[], metrics: ConsumerMetrics): MessageProcessor {
    const invoke: Invoke = async (event) => {
      handled.push(event.type);
    };
    return new MessageProcessor('supervision', config, dataSource, {} as Producer, () => invoke, metrics, undefined, undefined, verifier);
  }

  it('applies the genuine case.dispatched, signed by routing', async () => {
    const handled: string[] = [];
    const metrics = new ConsumerMetrics();
    expect(await processor(handled, metrics).apply(signedBy(routing, dispatched(CASE_ID)), 'live')).toEqual({
      outcome: 'applied',
      attempts: 1,
    });
    expect(handled).toEqual(['case.dispatched']);
    expect(metrics.rejected).toBe(0);
  });

  it('dead-letters at once, never applied: intake signing case.dispatched "from routing", an unsigned or tampered message', async () => {
    const handled: string[] = [];
    const metrics = new ConsumerMetrics();
    const p = processor(handled, metrics);
    const genuine = signedBy(routing, dispatched(CASE_ID));
    expect(await p.apply(signedBy(intake, dispatched(CASE_ID)), 'live')).toEqual({
      outcome: 'dead-lettered',
      error: 'EVENT_PRODUCER_MISMATCH: case.dispatched is published by routing, signed by intake',
      attempts: 1,
    });
    expect(await p.apply({ ...genuine, headers: {} }, 'live')).toEqual({
      outcome: 'dead-lettered',
      error: 'EVENT_SIGNATURE_MISSING: no event-signer/event-signature headers',
      attempts: 1,
    });
    expect(await p.apply({ ...genuine, value: genuine.value.replace(/"toUnitId":"[^"]+"/, '"toUnitId":"elsewhere"') }, 'replay')).toEqual({
      outcome: 'dead-lettered',
      error: 'EVENT_SIGNATURE_INVALID: the signature of routing does not verify',
      attempts: 1,
    });
    // A chunk with a forged message is not applied as a whole: its messages go one at a time (apply, above).
    expect(await p.applyChunk([genuine, signedBy(intake, dispatched(CASE_ID))])).toBe(false);
    expect(handled).toEqual([]);
    expect(metrics.rejected).toBe(3);
  });
});

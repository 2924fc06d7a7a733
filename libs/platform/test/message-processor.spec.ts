import type { AnyEvent } from '@sunshine/contracts';
import type { Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ConsumerMetrics,
  currentCorrelation,
  isInfrastructureOutage,
  MessageProcessor,
  runWithCorrelation,
  type Correlation,
  type Invoke,
  type PlatformConfig,
  type RawMessage,
} from '@sunshine/platform';
import { dispatched, registered } from './support/test-events';

const CASE_ID = '0190a2b4-7c1e-7def-8000-0123456789ab';

describe('isInfrastructureOutage', () => {
  it('recognises a database that is away, restarting or in a transient conflict', () => {
    expect(isInfrastructureOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isInfrastructureOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isInfrastructureOutage(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toBe(true);
    expect(isInfrastructureOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('leaves a handler bug or a constraint violation to retries and the dead-letter topic', () => {
    expect(isInfrastructureOutage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isInfrastructureOutage(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isInfrastructureOutage('boom')).toBe(false);
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

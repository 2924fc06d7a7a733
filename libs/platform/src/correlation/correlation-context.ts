import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the work in progress was caused by: the HTTP request's correlation id, or while a Kafka handler runs the
 * consumed event's correlation id with the event's own id as the cause of whatever it emits.
 */
export interface Correlation {
  readonly correlationId: string;
  /** The id of the event being handled (consumers and jobs started by one); absent for an HTTP request. */
  readonly causationId?: string;
}

const storage = new AsyncLocalStorage<Correlation>();

/** Runs `work` (and everything it starts, awaited or not) with `correlation` as the current context. */
export function runWithCorrelation<T>(correlation: Correlation, work: () => T): T {
  return storage.run(correlation, work);
}

/** The context of the work in progress, if any (an HTTP request, a Kafka handler, a BullMQ job). */
export function currentCorrelation(): Correlation | undefined {
  return storage.getStore();
}

/** The current correlation id, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

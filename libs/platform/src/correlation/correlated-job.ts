import { type Correlation, currentCorrelationId } from './correlation-context';
import { isSaneCorrelationId } from './correlation-id';

/** The field a BullMQ job's data carries its correlation id in (BullMQ jobs have no headers). */
export interface JobCorrelation {
  readonly correlationId?: string;
}

/**
 * Job data stamped with the current correlation id, for `queue.add(name, withCorrelation(data))`: the processor then
 * runs in that context (see CorrelatedWorker). Data that already names one, or work outside any context, is unchanged.
 */
export function withCorrelation<T extends object>(data: T): T & JobCorrelation {
  const correlationId = currentCorrelationId();
  if (!correlationId || 'correlationId' in data) return data;
  return { ...data, correlationId };
}

/** The context a job's processor runs in, when its data carries a usable correlation id. */
export function correlationOfJob(data: unknown): Correlation | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const correlationId = (data as JobCorrelation).correlationId;
  return isSaneCorrelationId(correlationId) ? { correlationId } : undefined;
}

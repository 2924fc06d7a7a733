import { traceHeaders } from '../tracing/trace-context';
import { type Correlation, currentCorrelationId } from './correlation-context';
import { isSaneCorrelationId } from './correlation-id';

/** The fields a BullMQ job's data carries its correlation id and trace context in (BullMQ jobs have no headers). */
export interface JobCorrelation {
  readonly correlationId?: string;
  /** The W3C trace context (`traceparent`, `tracestate`) of the work that added the job; only while tracing is on. */
  readonly traceContext?: Readonly<Record<string, string>>;
}

/**
 * Job data stamped with the current correlation id and trace context, for `queue.add(name, withCorrelation(data))`:
 * the processor then runs in that correlation and continues that trace (see CorrelatedWorker). Data that already names
 * its own, or work outside any context, is unchanged.
 */
export function withCorrelation<T extends object>(data: T): T & JobCorrelation {
  const correlationId = currentCorrelationId();
  const traceContext = traceHeaders();
  let stamped: T & JobCorrelation = data;
  if (correlationId && !('correlationId' in data)) stamped = { ...stamped, correlationId };
  if (Object.keys(traceContext).length > 0 && !('traceContext' in data)) stamped = { ...stamped, traceContext };
  return stamped;
}

/** The trace context a job's data carries (only `traceparent` and `tracestate` strings), if any. */
export function traceContextOfJob(data: unknown): Record<string, string> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const carried = (data as JobCorrelation).traceContext;
  if (typeof carried !== 'object' || carried === null) return undefined;
  const out: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate']) {
    const value = (carried as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length <= 512) out[key] = value;
  }
  return out['traceparent'] ? out : undefined;
}

/** The context a job's processor runs in, when its data carries a usable correlation id. */
export function correlationOfJob(data: unknown): Correlation | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const correlationId = (data as JobCorrelation).correlationId;
  return isSaneCorrelationId(correlationId) ? { correlationId } : undefined;
}

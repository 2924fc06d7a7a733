import type { SendResult } from '../channel';

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A receiver's HTTP status as an outcome: 2xx accepted; 4xx rejected but 408 and 429; anything else retried. */
export function webhookOutcome(status: number, retryAfter?: number): SendResult {
  if (status >= 200 && status < 300) return { outcome: 'accepted', providerId: `HTTP ${status}` };
  const reason = `HTTP ${status}`;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return { outcome: 'rejected', reason };
  return retryAfter === undefined ? { outcome: 'retry', reason } : { outcome: 'retry', reason, retryAfterMs: retryAfter };
}

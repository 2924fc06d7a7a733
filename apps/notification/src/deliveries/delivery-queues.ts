import type { JobCorrelation } from '@sunshine/platform';

import type { ChannelName } from '../channels/channel';

/** One BullMQ queue per channel, so each provider has its own rate limit and a slow one never holds up another. */
export const DELIVERY_QUEUES: Readonly<Record<ChannelName, string>> = {
  'in-app': 'notification.in-app',
  sms: 'notification.sms',
  email: 'notification.email',
  webhook: 'notification.webhook',
};

export const CHANNELS = Object.keys(DELIVERY_QUEUES) as ChannelName[];

/** A wake-up for one delivery row, carrying the planning event's correlation and trace context (CorrelatedWorker). */
export interface DeliveryJob extends JobCorrelation {
  readonly deliveryId: string;
}

/** The job of a due delivery: its id, and the correlation and trace context stored with it. */
export function deliveryJobOf(due: { readonly id: string } & JobCorrelation): DeliveryJob {
  return {
    deliveryId: due.id,
    ...(due.correlationId ? { correlationId: due.correlationId } : {}),
    ...(due.traceContext ? { traceContext: due.traceContext } : {}),
  };
}

/** Exponential backoff with ±50 % jitter: `base`·2^(n−1)·[0.5, 1.5), or what the provider asked for (Retry-After). */
export function backoffDelay(attemptsMade: number, baseMs: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return retryAfterMs;
  return Math.round(baseMs * 2 ** Math.max(0, attemptsMade - 1) * (0.5 + random()));
}

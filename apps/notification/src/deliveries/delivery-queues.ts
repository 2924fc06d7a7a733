import type { ChannelName } from '../channels/channel';

/** One BullMQ queue per channel, so each provider has its own rate limit and a slow one never holds up another. */
export const DELIVERY_QUEUES: Readonly<Record<ChannelName, string>> = {
  'in-app': 'notification.in-app',
  sms: 'notification.sms',
  email: 'notification.email',
  webhook: 'notification.webhook',
};

export const CHANNELS = Object.keys(DELIVERY_QUEUES) as ChannelName[];

export interface DeliveryJob {
  readonly deliveryId: string;
}

/** Exponential backoff with ±50 % jitter: `base`·2^(n−1)·[0.5, 1.5), or what the provider asked for (Retry-After). */
export function backoffDelay(attemptsMade: number, baseMs: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return retryAfterMs;
  return Math.round(baseMs * 2 ** Math.max(0, attemptsMade - 1) * (0.5 + random()));
}

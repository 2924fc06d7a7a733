import { loadServiceEnv } from '@sunshine/platform';
import { z } from 'zod';

const schema = z
  .object({
    /** The upstream system's endpoint for the change stream (上报); none: nothing is planned nor sent. */
    UPSTREAM_URL: z.url().optional(),
    /** The secret every message is signed with (HMAC-SHA256), agreed with the upstream; required with the URL. */
    UPSTREAM_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    /** Attempts before a message the upstream keeps refusing is parked (its case's later messages wait behind it). */
    UPSTREAM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
    /** The wait after the first refusal; it doubles after each, up to an hour. */
    UPSTREAM_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3600_000).default(5000),
    /** How long one POST may take (a claim is leased for three times as long). */
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Where the upstream answers what it acknowledged for a day (GET ?day=YYYY-MM-DD, signed); none: no daily run. */
    UPSTREAM_ACK_URL: z.url().optional(),
    /** From when (Asia/Shanghai, HH:MM) the day before is reconciled by itself. */
    UPSTREAM_RECONCILE_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
      .default('03:10'),
    /** How often the daily run looks whether its day is due. */
    UPSTREAM_RECONCILE_POLL_MS: z.coerce.number().int().min(100).max(3600_000).default(60_000),
  })
  .refine((e) => !(e.UPSTREAM_URL || e.UPSTREAM_ACK_URL) || e.UPSTREAM_SECRET, {
    message: 'required with UPSTREAM_URL or UPSTREAM_ACK_URL',
    path: ['UPSTREAM_SECRET'],
  });

export interface UpstreamConfig {
  /** Where and how messages go; null when no upstream is configured. */
  readonly target: { readonly url: string; readonly secret: string } | null;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly timeoutMs: number;
  /** The daily reconciliation: where the acknowledgement is fetched, from when, how often it looks; null without an ack URL. */
  readonly reconciliation: { readonly ackUrl: string; readonly secret: string; readonly at: string; readonly pollMs: number } | null;
}

export const UPSTREAM_CONFIG = Symbol('UPSTREAM_CONFIG');

export function loadUpstreamConfig(source: NodeJS.ProcessEnv = process.env): UpstreamConfig {
  const e = loadServiceEnv(schema, source);
  return {
    target: e.UPSTREAM_URL && e.UPSTREAM_SECRET ? { url: e.UPSTREAM_URL, secret: e.UPSTREAM_SECRET } : null,
    maxAttempts: e.UPSTREAM_MAX_ATTEMPTS,
    retryBaseMs: e.UPSTREAM_RETRY_BASE_MS,
    timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    reconciliation:
      e.UPSTREAM_ACK_URL && e.UPSTREAM_SECRET
        ? { ackUrl: e.UPSTREAM_ACK_URL, secret: e.UPSTREAM_SECRET, at: e.UPSTREAM_RECONCILE_AT, pollMs: e.UPSTREAM_RECONCILE_POLL_MS }
        : null,
  };
}

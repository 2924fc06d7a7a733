import { loadServiceEnv, type PlatformConfig } from '@sunshine/platform';
import { z } from 'zod';

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (Asia/Shanghai)');

const schema = z.object({
  /** intake's base URL: petitioners' delivery addresses and its pending one-time codes are asked for there. */
  INTAKE_URL: z.url().default('http://127.0.0.1:3001'),
  /** The citizen progress page the petitioner's link opens (the case number is appended; the query code never is). */
  NOTIFICATION_PUBLIC_QUERY_URL: z.url().default('https://xf.example.gov.cn/query'),
  /** SMS to petitioners is held back in these hours (Asia/Shanghai), urgent kinds excepted. `off` disables. */
  NOTIFICATION_QUIET_HOURS: z.union([z.literal('off'), z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/)]).default('21:00-08:00'),
  /** Attempts per delivery before it is dead (ops replay it). */
  NOTIFICATION_MAX_ATTEMPTS: positiveInt(6, 50),
  /** First retry delay (ms); doubles each attempt, with ±50 % jitter. */
  NOTIFICATION_BACKOFF_MS: positiveInt(2000, 3_600_000),
  /** A delivery job's lock (ms): a worker killed mid-send leaves its job to another after this (BullMQ lockDuration, stalledInterval). */
  NOTIFICATION_JOB_LOCK_MS: z.coerce.number().int().min(2000).max(600_000).default(30_000),
  /** Per channel: at most this many sends per second (the provider's rate limit). */
  NOTIFICATION_RATE_SMS: positiveInt(20, 10_000),
  NOTIFICATION_RATE_EMAIL: positiveInt(20, 10_000),
  NOTIFICATION_RATE_WEBHOOK: positiveInt(50, 10_000),
  NOTIFICATION_RATE_IN_APP: positiveInt(2000, 100_000),
  /** How often deliveries waiting in PostgreSQL are (re)queued and intake's pending messages drained (ms). */
  NOTIFICATION_SWEEP_MS: positiveInt(2000, 600_000),
  /** The daily digest to each unit's head (Asia/Shanghai). */
  NOTIFICATION_DIGEST_AT: hhmm.default('08:00'),
  /** Cases due within this many days count as due soon in the digest. */
  NOTIFICATION_DIGEST_DUE_SOON_DAYS: positiveInt(3, 30),
});

export interface NotificationConfig {
  readonly intakeUrl: string;
  readonly publicQueryUrl: string;
  /** Minutes after 00:00 Shanghai: [start, end) of the quiet hours, or null when off. */
  readonly quietHours: { readonly start: number; readonly end: number } | null;
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly jobLockMs: number;
  /** Sends per second, by channel. */
  readonly ratePerSecond: Readonly<Record<'in-app' | 'sms' | 'email' | 'webhook', number>>;
  readonly sweepMs: number;
  /** Minutes after 00:00 Shanghai. */
  readonly digestAt: number;
  readonly digestDueSoonDays: number;
}

export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');

const minutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Notification's own settings, validated at start-up with every problem listed (docs/notification.md, Settings). */
export function loadNotificationConfig(platform: PlatformConfig, source: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const e = loadServiceEnv(schema, source);
  const quiet = e.NOTIFICATION_QUIET_HOURS;
  return {
    intakeUrl: e.INTAKE_URL.replace(/\/$/, ''),
    publicQueryUrl: e.NOTIFICATION_PUBLIC_QUERY_URL.replace(/\/$/, ''),
    quietHours: quiet === 'off' ? null : { start: minutes(quiet.slice(0, 5)), end: minutes(quiet.slice(6)) },
    maxAttempts: e.NOTIFICATION_MAX_ATTEMPTS,
    backoffMs: e.NOTIFICATION_BACKOFF_MS,
    jobLockMs: e.NOTIFICATION_JOB_LOCK_MS,
    ratePerSecond: {
      'in-app': e.NOTIFICATION_RATE_IN_APP,
      sms: e.NOTIFICATION_RATE_SMS,
      email: e.NOTIFICATION_RATE_EMAIL,
      webhook: e.NOTIFICATION_RATE_WEBHOOK,
    },
    sweepMs: platform.testClock === 'shared' ? Math.min(e.NOTIFICATION_SWEEP_MS, 500) : e.NOTIFICATION_SWEEP_MS,
    digestAt: minutes(e.NOTIFICATION_DIGEST_AT),
    digestDueSoonDays: e.NOTIFICATION_DIGEST_DUE_SOON_DAYS,
  };
}

import {
  type RetainedRecord,
  retentionCutoff,
  retentionDaysSchema,
  type RetentionOverrides,
  retentionOverridesSchema,
  type RetentionPeriod,
  retentionSchedule,
} from '@sunshine/domain';
import { z } from 'zod';

import { loadServiceEnv } from '../config/platform-config';

/** A connection to a service's schema (search_path set): pg's Client or PoolClient. */
export interface RetentionDb {
  query<R extends object>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * How one record kind is erased: `run` takes at most `batch` records whose period started at or before `cutoff`, erases
 * or de-identifies their personal data and records it (never taking a record twice), and answers how many it took.
 */
export interface RetentionStep {
  readonly record: RetainedRecord;
  run(cutoff: Date, now: Date, batch: number): Promise<number>;
}

const retentionEnv = z.object({
  /** 个人信息保存期限 of the case's personal data (days after it became terminal); the schedule's default otherwise. */
  PII_RETENTION_DAYS: retentionDaysSchema.optional(),
  /** Other records' periods, JSON: {"appointment": 180, "notification-delivery": 365}. */
  PII_RETENTION_PERIODS: z
    .string()
    .optional()
    .transform((text, ctx): RetentionOverrides => {
      if (!text) return {};
      try {
        const parsed = retentionOverridesSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: 'custom', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
      }
      return z.NEVER;
    }),
});

/** The retention schedule in force: the domain's table with the deployment's overrides (environment). */
export function loadRetentionSchedule(source: NodeJS.ProcessEnv = process.env): ReadonlyMap<RetainedRecord, RetentionPeriod> {
  const env = loadServiceEnv(retentionEnv, source);
  return retentionSchedule({ ...env.PII_RETENTION_PERIODS, ...(env.PII_RETENTION_DAYS ? { case: env.PII_RETENTION_DAYS } : {}) });
}

/**
 * 个人信息保存期限 One retention run: every step, in the given order, batch after batch until nothing is due, each with
 * the cutoff its record's period gives at `now`. Answers how many records each step took.
 */
export async function runRetention(
  steps: readonly RetentionStep[],
  schedule: ReadonlyMap<RetainedRecord, RetentionPeriod>,
  now: Date,
  batch = 200,
): Promise<Map<RetainedRecord, number>> {
  const taken = new Map<RetainedRecord, number>();
  for (const step of steps) {
    const period = schedule.get(step.record);
    if (!period) throw new Error(`no retention period for ${step.record}`);
    const cutoff = retentionCutoff(now, period.days);
    let total = 0;
    for (;;) {
      const n = await step.run(cutoff, now, batch);
      total += n;
      if (n < batch) break;
    }
    taken.set(step.record, total);
  }
  return taken;
}

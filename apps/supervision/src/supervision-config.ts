import { loadServiceEnv, type PlatformConfig } from '@sunshine/platform';
import { z } from 'zod';

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const DAY_MS = 86_400_000;

/** `3d,1d,12h` → milliseconds, largest first. */
const leadsSchema = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d{1,4}[dhm]$/, 'lead: a number and d, h or m, e.g. 3d')).max(10))
  .transform((leads) =>
    leads.map((l) => Number(l.slice(0, -1)) * { d: DAY_MS, h: 3_600_000, m: 60_000 }[l.slice(-1) as 'd' | 'h' | 'm']).sort((a, b) => b - a),
  );

const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const thresholdsSchema = z.object({
  /** 集体访 from this many persons is an early warning. */
  collectiveHeadCount: z.number().int().min(2).default(20),
  /** A collective visit this large is a major matter reported up at once (Art 25). */
  majorHeadCount: z.number().int().min(2).default(50),
  /** This many cases of one category in one township within the window is a spike. */
  spikeCount: z.number().int().min(2).default(5),
});

/** 热点问题: clusters of similar petitions per county (computed by intake, GET /hot-topics) become early warnings. */
const hotTopicsSchema = z.object({
  /** The window, days back from now. */
  days: z.number().int().min(1).max(90).default(7),
  /** This many similar petitions in one county within the window is a hot topic. */
  minSize: z.number().int().min(2).max(100).default(5),
  /** The cosine to a cluster's centroid a petition needs to join it (docs/smart-dispatch.md). */
  similarity: z.number().min(0.05).max(0.95).default(0.3),
});

const alertsSchema = z.object({
  spikeWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
  hotTopics: hotTopicsSchema.default({ days: 7, minSize: 5, similarity: 0.3 }),
  thresholds: thresholdsSchema.default({ collectiveHeadCount: 20, majorHeadCount: 50, spikeCount: 5 }),
  /** Date ranges (Asia/Shanghai, inclusive) with lower thresholds, e.g. 全国两会. */
  sensitivePeriods: z
    .array(
      z.object({
        label: z.string().min(1).max(40),
        from: z.iso.date(),
        to: z.iso.date(),
        thresholds: thresholdsSchema.partial(),
      }),
    )
    .default([]),
});

const escalationSchema = z.object({
  /** Clocks whose overdue makes the supervising bureau issue a supervision order (督办单, Art 40). */
  orderOnOverdue: z
    .array(z.string())
    .default(['dispatch', 'acceptance', 'handling', 'assignment-feedback', 'review-handling', 're-review-handling']),
  /** 推诿: objections on one case from which an order goes out (DESIGN: "objected twice"). */
  buckPassingObjections: z.number().int().min(1).default(2),
  /** Days the ordered unit has to answer in writing. */
  orderAnswerDays: z.number().int().min(1).max(90).default(5),
  /** An order still unanswered this many days after it went out (or after the last step) goes up a level. */
  escalateAfterDays: z.number().int().min(1).max(365).default(7),
  /** Steps up the bureau hierarchy at most (county → city → province). */
  maxSteps: z.number().int().min(1).max(5).default(2),
});

const VISIBILITY_IS_THE_LAW = '可见范围由统一规则决定，不再可配置 / visibility is the one domain rule now, not a setting: remove it';

const schema = z.object({
  /** How often the due check scans the ledger (ms). Default: 60 s; 1 s with the shared test clock. */
  SUPERVISION_SCAN_MS: z.coerce.number().int().min(200).max(3_600_000).optional(),
  /** How often the hot-topic scan asks intake for clusters (ms). Default: 15 minutes. */
  SUPERVISION_HOT_TOPIC_SCAN_MS: z.coerce.number().int().min(200).max(86_400_000).default(900_000),
  /** Warnings before a clock's end, e.g. `3d,1d`. */
  SUPERVISION_WARNING_LEADS: leadsSchema.optional(),
  /**
   * Gone: deadline policies are city-wide reference data now, loaded with PUT /deadline-policies/{id} and replicated to
   * every service. Refused rather than ignored, so a deployment that still sets it learns where its policies went.
   */
  SUPERVISION_DEADLINE_POLICIES: z
    .undefined({
      error:
        '期限规则改为参考数据：请用 PUT /deadline-policies/{id} 载入 / deadline policies are reference data now: load them with PUT /deadline-policies/{id}',
    })
    .optional(),
  SUPERVISION_ESCALATION: json(escalationSchema).optional(),
  /** 积案: unresolved this many days after registration (the seeds: 3 years). */
  SUPERVISION_BACKLOG_AGE_DAYS: positiveInt(3 * 365, 36500),
  SUPERVISION_ALERTS: json(alertsSchema).optional(),
  /** intake's base URL: the city lists read the cases' subjects from it with the caller's token. */
  INTAKE_URL: z.url().default('http://127.0.0.1:3001'),
  /** routing's base URL: a leader in charge (包案) is checked against its staff users with the caller's token. */
  ROUTING_URL: z.url().default('http://127.0.0.1:3002'),
  /** Gone: who sees a case is the one rule of libs/domain (VISIBILITY_RULE), not a setting; refused rather than ignored. */
  SUPERVISION_OVERSEER_KINDS: z.undefined({ error: VISIBILITY_IS_THE_LAW }).optional(),
  SUPERVISION_ACCUSATION_OVERSEER_KINDS: z.undefined({ error: VISIBILITY_IS_THE_LAW }).optional(),
});

export type EscalationPolicy = z.infer<typeof escalationSchema>;
export type AlertPolicy = z.infer<typeof alertsSchema>;
export type AlertThresholds = z.infer<typeof thresholdsSchema>;
export type HotTopicPolicy = z.infer<typeof hotTopicsSchema>;

export interface SupervisionConfig {
  readonly scanMs: number;
  readonly hotTopicScanMs: number;
  readonly warningLeadsMs: readonly number[];
  readonly escalation: EscalationPolicy;
  readonly backlogAgeDays: number;
  readonly alerts: AlertPolicy;
  readonly intakeUrl: string;
  readonly routingUrl: string;
}

export const SUPERVISION_CONFIG = Symbol('SUPERVISION_CONFIG');

/** Supervision's own settings, validated at start-up with every problem listed. */
export function loadSupervisionConfig(platform: PlatformConfig, source: NodeJS.ProcessEnv = process.env): SupervisionConfig {
  const e = loadServiceEnv(schema, source);
  return {
    scanMs: e.SUPERVISION_SCAN_MS ?? (platform.testClock === 'shared' ? 1000 : 60_000),
    hotTopicScanMs: e.SUPERVISION_HOT_TOPIC_SCAN_MS,
    warningLeadsMs: e.SUPERVISION_WARNING_LEADS ?? [3 * DAY_MS, DAY_MS],
    escalation: e.SUPERVISION_ESCALATION ?? escalationSchema.parse({}),
    backlogAgeDays: e.SUPERVISION_BACKLOG_AGE_DAYS,
    alerts: e.SUPERVISION_ALERTS ?? alertsSchema.parse({}),
    intakeUrl: e.INTAKE_URL.replace(/\/$/, ''),
    routingUrl: e.ROUTING_URL.replace(/\/$/, ''),
  };
}

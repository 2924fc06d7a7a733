import type { KpiMetric } from './kpi-fact';

/** Rollup sums of one subject (a unit or a territory) over one period: `counts[metric][outcome]`. */
export type KpiCounts = Partial<Record<KpiMetric, Readonly<Record<string, { readonly n: number; readonly persons: number }>>>>;

/** A ratio with its parts: `rate` is null when nothing was due (the denominator is 0), else rounded to 4 decimals. */
export interface KpiRatio {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

/** The KPIs of one subject and period (docs/evaluation.md defines each). */
export interface KpiFigures {
  /** 及时受理率 = decided within the period ÷ (on time + late + overdue undecided). */
  readonly timelyAcceptance: KpiRatio;
  /** 按期答复率 = replied on time ÷ (on time + late + overdue unanswered). */
  readonly onTimeReply: KpiRatio;
  /** 参评率 = rated (handling unit) ÷ replied. */
  readonly ratingParticipation: KpiRatio;
  /** 满意率 (handling unit) = (满意 + 基本满意) ÷ rated. */
  readonly satisfactionHandling: KpiRatio;
  /** 满意率 (bureau). */
  readonly satisfactionBureau: KpiRatio;
  /** 重复信访率 = repeat cases ÷ cases. */
  readonly repeatRate: KpiRatio;
  /** 越级访占比 = skip-level cases ÷ cases. */
  readonly skipLevelShare: KpiRatio;
  /** 一次性化解率 = original replies settled by closing in the original stage ÷ original replies settled (closed or contested). */
  readonly onceResolution: KpiRatio;
  /** 化解率 = cases ended resolved (closed or finalized, any stage) ÷ (those + original replies contested by 复查). */
  readonly resolution: KpiRatio;
  /** 退回率 = objections raised ÷ cases received by 转送/交办. */
  readonly objectionRate: KpiRatio;
  /** Anti-gaming: on-time replies given on the last day ÷ on-time replies. */
  readonly lastDayReplyShare: KpiRatio;
  /** Anti-gaming: ratings entered by staff callback ÷ ratings. */
  readonly callbackRatingShare: KpiRatio;
  /** 智能分类采纳率: registrations registered under the suggested category ÷ registrations that carried a suggestion. */
  readonly suggestionAcceptance: KpiRatio;
  readonly counts: {
    /** 批次 */
    readonly cases: number;
    /** 人次 */
    readonly persons: number;
    readonly collectiveCases: number;
    readonly collectivePersons: number;
    readonly skipLevelCases: number;
    /** 督办 */
    readonly orders: number;
    /** 催办 */
    readonly reminders: number;
    /** 转送 */
    readonly forwarded: number;
    /** 交办 */
    readonly assigned: number;
    readonly objections: number;
    /** Duties overdue or done late (acceptance and reply). */
    readonly overdue: number;
  };
}

const n = (c: KpiCounts, metric: KpiMetric, ...outcomes: string[]): number => {
  const row = c[metric] ?? {};
  const keys = outcomes.length > 0 ? outcomes : Object.keys(row);
  return keys.reduce((sum, k) => sum + (row[k]?.n ?? 0), 0);
};
const persons = (c: KpiCounts, metric: KpiMetric): number => Object.values(c[metric] ?? {}).reduce((s, v) => s + v.persons, 0);

export function kpiRatio(numerator: number, denominator: number): KpiRatio {
  return { numerator, denominator, rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

/** The KPIs from rollup sums. */
export function kpiFigures(c: KpiCounts): KpiFigures {
  const cases = n(c, 'volume');
  return {
    timelyAcceptance: kpiRatio(n(c, 'acceptance', 'on-time'), n(c, 'acceptance')),
    onTimeReply: kpiRatio(n(c, 'reply', 'on-time'), n(c, 'reply')),
    ratingParticipation: kpiRatio(n(c, 'rating-handling-unit'), n(c, 'replied')),
    satisfactionHandling: kpiRatio(n(c, 'rating-handling-unit', 'satisfied', 'basically-satisfied'), n(c, 'rating-handling-unit')),
    satisfactionBureau: kpiRatio(n(c, 'rating-bureau', 'satisfied', 'basically-satisfied'), n(c, 'rating-bureau')),
    repeatRate: kpiRatio(n(c, 'repeat'), cases),
    skipLevelShare: kpiRatio(n(c, 'skip-level'), cases),
    onceResolution: kpiRatio(n(c, 'settlement', 'once'), n(c, 'settlement')),
    resolution: kpiRatio(n(c, 'resolution', 'resolved'), n(c, 'resolution', 'resolved') + n(c, 'settlement', 'reviewed')),
    objectionRate: kpiRatio(n(c, 'objection'), n(c, 'dispatch-received')),
    lastDayReplyShare: kpiRatio(n(c, 'reply-last-day'), n(c, 'reply', 'on-time')),
    callbackRatingShare: kpiRatio(n(c, 'rating-entry', 'staff-callback'), n(c, 'rating-entry')),
    suggestionAcceptance: kpiRatio(n(c, 'suggestion', 'accepted'), n(c, 'suggestion')),
    counts: {
      cases,
      persons: persons(c, 'volume'),
      collectiveCases: n(c, 'collective'),
      collectivePersons: persons(c, 'collective'),
      skipLevelCases: n(c, 'skip-level'),
      orders: n(c, 'order'),
      reminders: n(c, 'reminder'),
      forwarded: n(c, 'dispatch-sent', 'forward'),
      assigned: n(c, 'dispatch-sent', 'assign'),
      objections: n(c, 'objection'),
      overdue: n(c, 'acceptance', 'late', 'overdue') + n(c, 'reply', 'late', 'overdue'),
    },
  };
}

/** 同比 / 环比: the change of a rate (percentage points as a fraction) or of a count; null when either side is null. */
export function kpiChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return Math.round((now - before) * 10_000) / 10_000;
}

/** 同比 or 环比 of every figure: the change of each rate and each count (null where a side has no rate). */
export function kpiComparison(now: KpiFigures, before: KpiFigures): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(now)) {
    if (name === 'counts') continue;
    out[name] = kpiChange((value as KpiRatio).rate, (before[name as keyof KpiFigures] as KpiRatio).rate);
  }
  for (const [name, value] of Object.entries(now.counts)) out[name] = value - before.counts[name as keyof KpiFigures['counts']];
  return out;
}

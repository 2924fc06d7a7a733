import type { LocalDate } from '../calendar';

/**
 * What the rollups count (指标口径), each with the outcomes it is split by. A fact is one case's contribution to one
 * metric: the daily rollups are the sums of the facts, so a KPI is a ratio of rollup sums (kpiFigures).
 */
export const KPI_METRICS = {
  /** 批次 / 人次: a registered case, on its day of receipt, at its receiving unit. */
  volume: ['case'],
  /** 越级访, 集体访, 重复访: a subset of volume, same day, unit and persons. */
  'skip-level': ['case'],
  collective: ['case'],
  repeat: ['case'],
  /** 受理告知 (Art 23, 15 days from receipt): each acceptance clock decided on time, late, or overdue without a decision. */
  acceptance: ['on-time', 'late', 'overdue'],
  /** 答复 (Art 34–36): each reply clock answered on time, late, or overdue without a reply. */
  reply: ['on-time', 'late', 'overdue'],
  /** Anti-gaming: an on-time reply given on the last day of its period. */
  'reply-last-day': ['on-time'],
  /** A stage's written reply, at the unit rated for it (参评率's denominator). */
  replied: ['original', 'review', 're-review'],
  /** 满意度评价 of the stage's handling unit (谁初次办理、谁接受评价) and, where configured, of the bureau. */
  'rating-handling-unit': ['satisfied', 'basically-satisfied', 'dissatisfied'],
  'rating-bureau': ['satisfied', 'basically-satisfied', 'dissatisfied'],
  /** Anti-gaming: who entered a rating. */
  'rating-entry': ['citizen', 'staff-callback'],
  /** The original reply settled: the case closed in its original stage (一次性化解), or the petitioner asked for 复查. */
  settlement: ['once', 'reviewed'],
  /** The case ended: closed or finalized in any stage (化解), or withdrawn. */
  resolution: ['resolved', 'withdrawn'],
  /** 转送 / 交办 sent by a bureau, and received by a unit (退回率's denominator). */
  'dispatch-sent': ['forward', 'assign'],
  'dispatch-received': ['forward', 'assign'],
  /** 退回: an objection raised by the receiving unit. */
  objection: ['raised'],
  /** 督办: a supervision order issued to the unit (outcome: its trigger). */
  order: ['acceptance-breach', 'handling-breach', 'buck-passing', 'perfunctory', 'delay', 'falsification', 'overdue', 'other'],
  /** 催办: a deadline warning sent to the unit (outcome: the clock kind). */
  reminder: ['any'],
  /** 智能分类: a registration that carried the text's suggested category, registered as suggested or changed by the clerk. */
  suggestion: ['accepted', 'changed'],
} as const;

export type KpiMetric = keyof typeof KPI_METRICS;

/** One case's contribution to one metric, with the dimensions it is rolled up by. */
export interface KpiFact {
  /** Unique within the case: the same key always means the same contribution (a replay rewrites it, never adds). */
  readonly key: string;
  readonly metric: KpiMetric;
  readonly outcome: string;
  readonly unitId: string;
  /** The Asia/Shanghai day it counts on. */
  readonly day: LocalDate;
  /** The place the case concerns (territory figures), or '' when unknown. */
  readonly division: string;
  readonly channel: string;
  readonly category: string;
  /** 人次: the case's head count (1 for an individual petition). */
  readonly persons: number;
}

/** The identity of a fact's dimensions and outcome: two facts with the same key and signature count the same. */
export function kpiFactSignature(f: KpiFact): string {
  return [f.metric, f.outcome, f.unitId, f.day, f.division, f.channel, f.category, f.persons].join('|');
}

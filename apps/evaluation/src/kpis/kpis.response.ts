import { type KpiFigures, type KpiPeriod, kpiPeriodKindSchema } from '@sunshine/domain';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { FigureCase } from './kpi-cases.service';
import type { KpiReport } from './kpi-query.service';
import type { UnitFigures } from './kpi-units.service';

/** A ratio with its parts: `rate` is null when nothing was due, else rounded to 4 decimals. */
const ratio = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
const count = z.number().int();

/** The KPIs of one subject and period (docs/evaluation.md defines each). */
export const kpiFiguresSchema = z.object({
  timelyAcceptance: ratio.describe('及时受理率 / timely acceptance'),
  onTimeReply: ratio.describe('按期答复率 / on-time reply'),
  ratingParticipation: ratio.describe('参评率 / rating participation'),
  satisfactionHandling: ratio.describe('满意率（办理单位） / satisfaction, handling unit'),
  satisfactionBureau: ratio.describe('满意率（信访部门） / satisfaction, bureau'),
  repeatRate: ratio.describe('重复信访率 / repeat rate'),
  skipLevelShare: ratio.describe('越级访占比 / skip-level share'),
  onceResolution: ratio.describe('一次性化解率 / resolved at once'),
  resolution: ratio.describe('化解率 / resolution'),
  objectionRate: ratio.describe('退回率 / objection rate'),
  lastDayReplyShare: ratio.describe('最后一日答复占比（异常提示） / replies on the last day'),
  callbackRatingShare: ratio.describe('回访代评占比（异常提示） / ratings by staff callback'),
  suggestionAcceptance: ratio.describe('智能分类采纳率 / suggestion acceptance'),
  counts: z.object({
    cases: count.describe('批次 / cases'),
    persons: count.describe('人次 / persons'),
    collectiveCases: count,
    collectivePersons: count,
    skipLevelCases: count,
    orders: count.describe('督办 / orders'),
    reminders: count.describe('催办 / reminders'),
    forwarded: count.describe('转送 / forwarded'),
    assigned: count.describe('交办 / assigned'),
    objections: count,
    overdue: count.describe('超期或逾期办理 / overdue or late'),
  }),
});

/** One calendar period: its first and last day (both counted). */
export const kpiPeriodSchema = z.object({
  kind: kpiPeriodKindSchema,
  from: z.string().describe('YYYY-MM-DD'),
  to: z.string().describe('YYYY-MM-DD'),
  label: z.string().describe('e.g. 2026-11, 2026-Q4, 2026-W49'),
});

const periodFigures = z.object({ period: kpiPeriodSchema, figures: kpiFiguresSchema });
const change = z.record(z.string(), z.number().nullable());

/** GET /kpis: the figures of a unit or territory for a period, with 环比 (previous) and 同比 (lastYear). */
export const kpiReportSchema = periodFigures.extend({
  subject: z.union([
    z.object({ kind: z.literal('territory'), division: z.string() }),
    z.object({ kind: z.literal('unit'), unitId: z.string(), division: z.string().nullable() }),
  ]),
  previous: periodFigures.describe('环比 / the previous period'),
  lastYear: periodFigures.describe('同比 / the same period last year'),
  change: z.object({ monthOnMonth: change, yearOnYear: change }).describe('各比率的变化 / each rate’s change'),
});

/** GET /kpis/units: every unit's figures in a territory, with the anti-gaming signal. */
export const unitFiguresPageSchema = z.object({
  period: kpiPeriodSchema,
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string().nullable(),
      unitKind: z.string().nullable(),
      figures: kpiFiguresSchema,
      satisfactionOutsidePeerNorm: z.boolean().describe('满意率偏离同类单位常态 / satisfaction outside its peers’ norm'),
    }),
  ),
});

/** GET /kpis/cases: the cases behind a figure (visible ones only). */
export const figureCasesPageSchema = z.object({
  items: z.array(
    z.object({
      caseId: z.uuid(),
      caseNumber: z.string().nullable(),
      status: z.string().nullable(),
      category: z.string().nullable(),
      placeCode: z.string().nullable(),
      channel: z.string().describe('信访途径 / channel (letter, visit, online, phone, hotline…)'),
      unitId: z.string(),
      day: z.string().describe('计入日 YYYY-MM-DD / the day counted'),
      metric: z.string(),
      outcome: z.string(),
      persons: count,
    }),
  ),
  total: count,
});

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type KpiFiguresDocumented = AssertTrue<ResponseMatches<KpiFigures, typeof kpiFiguresSchema>>;
export type KpiReportDocumented = AssertTrue<ResponseMatches<KpiReport, typeof kpiReportSchema>>;
export type UnitFiguresDocumented = AssertTrue<ResponseMatches<{ period: KpiPeriod; units: UnitFigures[] }, typeof unitFiguresPageSchema>>;
export type FigureCasesDocumented = AssertTrue<ResponseMatches<{ items: FigureCase[]; total: number }, typeof figureCasesPageSchema>>;

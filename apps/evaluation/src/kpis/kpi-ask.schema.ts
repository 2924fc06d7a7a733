import { divisionCodeSchema, unitIdSchema } from '@sunshine/contracts';
import { askedDateSchema, KPI_METRICS, type KpiMetric, kpiPeriodKindSchema, type LocalDate, shanghaiDateOf } from '@sunshine/domain';
import { z } from 'zod';

/** Who reads figures: unit heads (their own unit), bureaus' dispatchers and supervisors, leaders. */
export const FIGURE_ROLES = ['head', 'dispatcher', 'supervisor', 'leader'] as const;

/** A calendar period (Asia/Shanghai) by its kind and any day in it. */
export const periodAskSchema = z.object({
  period: kpiPeriodKindSchema.describe('日 day / 周 week / 月 month / 双月 bi-month / 季 quarter / 年 year'),
  date: askedDateSchema.optional().describe('任一日期 Any day of the period (YYYY-MM-DD, Asia/Shanghai, 2000–2099); today by default'),
});

export const kpiAskSchema = periodAskSchema.extend({
  unitId: unitIdSchema.optional().describe('单位 A unit (its own figures)'),
  division: divisionCodeSchema.optional().describe('辖区 A territory (its cases by place); the caller’s own by default'),
});
export type KpiAskQuery = z.infer<typeof kpiAskSchema>;

export const unitsAskSchema = periodAskSchema.extend({ division: divisionCodeSchema.optional() });
export type UnitsAskQuery = z.infer<typeof unitsAskSchema>;

export const figureCasesAskSchema = kpiAskSchema.extend({
  metric: z.enum(Object.keys(KPI_METRICS) as [KpiMetric, ...KpiMetric[]]).describe('指标口径 The metric the figure counts'),
  outcome: z
    .string()
    .regex(/^[a-z][a-z-]{1,40}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FigureCasesQuery = z.infer<typeof figureCasesAskSchema>;

/** The ask with its day: the one given, else today in Asia/Shanghai. */
export function dated<T extends { readonly date?: string }>(q: T, now: Date): T & { readonly date: LocalDate } {
  return { ...q, date: q.date ?? shanghaiDateOf(now) };
}

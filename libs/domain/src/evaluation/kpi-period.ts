import { z } from 'zod';

import { addDays, assertLocalDate, dayOfWeek, type LocalDate } from '../calendar';

/** Calendar periods of the KPIs, in Asia/Shanghai: 日 / 周 (Monday–Sunday) / 月 / 双月 / 季 / 年. */
export const KPI_PERIOD_KINDS = ['day', 'week', 'month', 'bi-month', 'quarter', 'year'] as const;
export const kpiPeriodKindSchema = z.enum(KPI_PERIOD_KINDS);
export type KpiPeriodKind = z.infer<typeof kpiPeriodKindSchema>;

/** One calendar period: its first and last day (both counted). */
export interface KpiPeriod {
  readonly kind: KpiPeriodKind;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** e.g. `2026-11`, `2026-B6` (Nov–Dec), `2026-Q4`, `2026-W49`, `2026`, `2026-11-30`. */
  readonly label: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const monthStart = (y: number, m: number): LocalDate => `${y}-${pad(m)}-01`;
/** The last day of month `m` (1–12) of year `y`. */
const monthEnd = (y: number, m: number): LocalDate => (m === 12 ? `${y}-12-31` : addDays(monthStart(y, m + 1), -1));

/** The period of `kind` that contains `date`. Bi-months are Jan–Feb, Mar–Apr, … Nov–Dec (双月考核). */
export function kpiPeriodOf(kind: KpiPeriodKind, date: LocalDate): KpiPeriod {
  const d = assertLocalDate(date);
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  switch (kind) {
    case 'day':
      return { kind, from: d, to: d, label: d };
    case 'week': {
      // ISO weeks: Monday first; the week belongs to the year of its Thursday.
      const monday = addDays(d, -((dayOfWeek(d) + 6) % 7));
      const thursday = addDays(monday, 3);
      const jan1 = `${thursday.slice(0, 4)}-01-01`;
      const week = Math.floor((Date.parse(thursday) - Date.parse(jan1)) / 86_400_000 / 7) + 1;
      return { kind, from: monday, to: addDays(monday, 6), label: `${thursday.slice(0, 4)}-W${pad(week)}` };
    }
    case 'month':
      return { kind, from: monthStart(y, m), to: monthEnd(y, m), label: `${y}-${pad(m)}` };
    case 'bi-month': {
      const first = m % 2 === 1 ? m : m - 1;
      return { kind, from: monthStart(y, first), to: monthEnd(y, first + 1), label: `${y}-B${(first + 1) / 2}` };
    }
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { kind, from: monthStart(y, first), to: monthEnd(y, first + 2), label: `${y}-Q${(first + 2) / 3}` };
    }
    case 'year':
      return { kind, from: `${y}-01-01`, to: `${y}-12-31`, label: String(y) };
  }
}

/** 环比: the period just before. */
export function previousKpiPeriod(period: KpiPeriod): KpiPeriod {
  return kpiPeriodOf(period.kind, addDays(period.from, -1));
}

/** 同比: the same period a year earlier (a week: the week containing the same day a year before). */
export function samePeriodLastYear(period: KpiPeriod): KpiPeriod {
  const y = Number(period.from.slice(0, 4)) - 1;
  // 29 February has no twin: take 28 February.
  const md = period.from.slice(5) === '02-29' ? '02-28' : period.from.slice(5);
  return kpiPeriodOf(period.kind, `${y}-${md}`);
}

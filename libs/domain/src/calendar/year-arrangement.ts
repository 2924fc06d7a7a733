import { z } from 'zod';

import { dayOfWeek, type LocalDate, localDateSchema } from './local-date';

/**
 * One year's official arrangement (国务院办公厅关于某年部分节假日安排的通知): the days off (放假, including
 * weekends swallowed by a holiday) and the make-up working days (调休上班日, usually a Saturday or Sunday).
 * Weekdays not listed are working days; weekend days not listed are rest days.
 */
export interface YearArrangement {
  year: number;
  holidays: LocalDate[];
  workdays: LocalDate[];
  /** Where the data came from, e.g. `chinese-days@1.5.7` or the notice's number. */
  source?: string;
}

export const yearArrangementSchema = z
  .object({
    year: z.number().int().min(1999).max(2200),
    holidays: z.array(localDateSchema).min(1),
    workdays: z.array(localDateSchema),
    source: z.string().max(200).optional(),
  })
  .superRefine((arr, ctx) => {
    const prefix = `${arr.year}-`;
    // A date already refused by its own schema (not YYYY-MM-DD, no such day) is not looked at again here.
    const inYear = (d: LocalDate) => d.startsWith(prefix) && localDateSchema.safeParse(d).success;
    for (const [key, dates] of [
      ['holidays', arr.holidays],
      ['workdays', arr.workdays],
    ] as const) {
      dates.forEach((d, i) => {
        if (!d.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: [key, i], message: `${d} is not in ${arr.year}` });
      });
    }
    const off = new Set(arr.holidays);
    arr.workdays.forEach((d, i) => {
      if (off.has(d)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} is both a holiday and a workday` });
      if (!inYear(d)) return;
      const dow = dayOfWeek(d);
      if (dow !== 0 && dow !== 6) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} is a weekday: a make-up workday is a weekend day` });
      }
    });
  });

import { STATUTORY_HOLIDAY_NAMES, type StatutoryHoliday } from '@sunshine/domain';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { CalendarYear, LoadedArrangement } from './calendar-arrangement.service';

const statutoryHolidays = Object.keys(STATUTORY_HOLIDAY_NAMES) as [StatutoryHoliday, ...StatutoryHoliday[]];

/** GET /calendar/arrangements: the arrangements loaded on top of the bundled calendar. */
export const loadedArrangementsSchema = z.array(
  z.object({
    year: z.number().int(),
    source: z.string().nullable().describe('来源 / where the arrangement comes from (the notice)'),
    revision: z.number().int().describe('版本 / the reference item’s revision'),
    loadedBy: z.string().nullable().describe('载入人 / who loaded it'),
    loadedAt: z.string().nullable().describe('ISO 8601 instant'),
  }),
);

/** GET /calendar/days: the year's holidays and make-up workdays as the clocks count them. */
export const calendarYearSchema = z.object({
  year: z.number().int(),
  published: z
    .boolean()
    .describe('已有国务院安排（内置或已载入）/ the year has its arrangement; else provisional (the law’s holidays only)'),
  source: z.string().nullable(),
  days: z.array(
    z.object({
      date: z.string().describe('YYYY-MM-DD'),
      kind: z.enum(['holiday', 'make-up-workday']).describe('holiday 放假 / make-up-workday 调休上班'),
      statutoryHolidays: z
        .array(z.enum(statutoryHolidays))
        .describe('未发布年度：该日的法定节日 / on a provisional year, the statutory holiday(s)'),
    }),
  ),
});

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type LoadedArrangementsDocumented = AssertTrue<ResponseMatches<LoadedArrangement[], typeof loadedArrangementsSchema>>;
export type CalendarYearDocumented = AssertTrue<ResponseMatches<CalendarYear, typeof calendarYearSchema>>;

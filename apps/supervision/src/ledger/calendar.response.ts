import { STATUTORY_HOLIDAY_NAMES, type StatutoryHoliday } from '@sunshine/domain';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { ArrangementPublished, CalendarYear, LoadedArrangement } from './calendar-arrangement.service';

const statutoryHolidays = Object.keys(STATUTORY_HOLIDAY_NAMES) as [StatutoryHoliday, ...StatutoryHoliday[]];

/** POST /calendar/arrangements → 202: the load is accepted and on its way to every service (each takes it a moment later). */
export const arrangementPublishedSchema = z.object({
  year: z.number().int().describe('年度 / the year loaded'),
  revision: z
    .number()
    .int()
    .min(1)
    .describe(
      '版本：`calendar-year:<年度>` 此次发布的版本号，各服务收到后按其重算临时期限；GET /calendar/arrangements 在本服务收到后列出该版本 ' +
        '/ the revision of `calendar-year:<year>` now published; every service recomputes its provisional deadlines when it ' +
        'takes it, and GET /calendar/arrangements lists it once this service has',
    ),
});

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
        .describe(
          '该放假日所属的节日（依日期先后）：未发布年度为该日的法定节日；已发布年度为其连续休息日中所含的节日（如国庆节、中秋节合并放假）；' +
            '调休上班日及不含节日的放假（如2015年9月3日纪念日）为空 / the holiday(s) a day off belongs to, in date order: on a ' +
            'provisional year the statutory holiday(s) of the date; on a published year those whose days fall in its run of ' +
            'rest days; empty on a make-up workday and on a run with no holiday in it',
        ),
    }),
  ),
});

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type LoadedArrangementsDocumented = AssertTrue<ResponseMatches<LoadedArrangement[], typeof loadedArrangementsSchema>>;
export type ArrangementPublishedDocumented = AssertTrue<ResponseMatches<ArrangementPublished, typeof arrangementPublishedSchema>>;
export type CalendarYearDocumented = AssertTrue<ResponseMatches<CalendarYear, typeof calendarYearSchema>>;

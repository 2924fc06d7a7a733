import { type YearArrangement, yearArrangementSchema } from '@sunshine/domain';
import { CityLevel, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { arrangementPublishedSchema, calendarYearSchema, loadedArrangementsSchema } from './calendar.response';
import {
  type ArrangementPublished,
  CalendarArrangementService,
  type CalendarYear,
  type LoadedArrangement,
} from './calendar-arrangement.service';

const yearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2099).describe('年度 The year (2000–2099)') });

@StaffController('calendar/arrangements', 'calendar 节假日安排')
export class CalendarController {
  constructor(private readonly arrangements: CalendarArrangementService) {}

  @StaffRoute('POST', '', {
    status: 202,
    roles: ['ops'],
    summary:
      '载入某年国务院节假日安排，发布到全部服务并重算临时期限（仅限市级单位的 ops） Load a year’s holiday arrangement: published to all ' +
      'five services, each recomputes its provisional deadlines. Only `ops` staff of a city-level unit: the calendar is the ' +
      'nation’s (the State Council’s notice) and moves every deadline of the city, so a county’s or township’s own ops token ' +
      'may not change it; `admin` alone is not enough either: admin manages units and rules, while loading the published ' +
      'calendar is an operations task kept apart from it (separation of duties: one admin token cannot both edit data and ' +
      'move every deadline).',
  })
  @ZodResponse(arrangementPublishedSchema, {
    status: 202,
    description: '已受理：该年安排已发布，各服务随后载入并重算期限 / accepted: published, every service takes it a moment later',
  })
  @CityLevel({ zh: '全国节假日安排', en: "The nation's holiday calendar" })
  load(@ZodBody(yearArrangementSchema) body: YearArrangement, @Staff() staff: StaffPrincipal): Promise<ArrangementPublished> {
    return this.arrangements.load(body, staff);
  }

  @StaffRoute('GET', '', { summary: '已载入的节假日安排 Arrangements loaded on top of the bundled calendar (chinese-days)' })
  @ZodResponse(loadedArrangementsSchema)
  list(): LoadedArrangement[] {
    return this.arrangements.list();
  }
}

/** The working-day calendar the clocks count with, one year at a time (read-only; loading stays on the arrangements). */
@StaffController('calendar/days', 'calendar 节假日安排')
export class CalendarDaysController {
  constructor(private readonly arrangements: CalendarArrangementService) {}

  @StaffRoute('GET', '', {
    summary:
      '某年的节假日与调休上班日（期限计算所用日历） A year’s holidays and make-up workdays in the calendar the deadlines are counted with',
  })
  @ZodResponse(calendarYearSchema)
  year(@ZodQuery(yearSchema) q: z.infer<typeof yearSchema>): CalendarYear {
    return this.arrangements.year(q.year);
  }
}

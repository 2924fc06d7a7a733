import { type YearArrangement, yearArrangementSchema } from '@sunshine/domain';
import { CityLevel, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';

import { type ArrangementPublished, CalendarArrangementService, type LoadedArrangement } from './calendar-arrangement.service';

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
  @CityLevel({ zh: '全国节假日安排', en: "The nation's holiday calendar" })
  load(@ZodBody(yearArrangementSchema) body: YearArrangement, @Staff() staff: StaffPrincipal): Promise<ArrangementPublished> {
    return this.arrangements.load(body, staff);
  }

  @StaffRoute('GET', '', { summary: '已载入的节假日安排 Arrangements loaded on top of the bundled calendar (chinese-days)' })
  list(): LoadedArrangement[] {
    return this.arrangements.list();
  }
}

import { Injectable } from '@nestjs/common';
import type { StatutoryHoliday, YearArrangement } from '@sunshine/domain';
import { ReferenceDataService, type StaffPrincipal } from '@sunshine/platform';

import { CityReferencePublisher } from './city-reference.publisher';

export interface ArrangementPublished {
  readonly year: number;
  /** The revision of `calendar-year:<year>` now on its way to every service. */
  readonly revision: number;
}

export interface LoadedArrangement {
  readonly year: number;
  readonly source: string | null;
  readonly revision: number;
  readonly loadedBy: string | null;
  readonly loadedAt: string | null;
}

/** A day off the ordinary week in the working-day calendar the clocks count with: a day off or a 调休 working weekend. */
export interface CalendarSpecialDay {
  readonly date: string;
  /** holiday: 法定节假日（含调休放假）; make-up-workday: 调休上班日. */
  readonly kind: 'holiday' | 'make-up-workday';
  /**
   * The holiday(s) a day off belongs to (WorkingCalendar.dayInfo): on a year with no arrangement the statutory holiday(s)
   * of the date (the notice may still move it), on a published year those in its run of rest days; empty on a 调休上班 day.
   */
  readonly statutoryHolidays: readonly StatutoryHoliday[];
}

/** One year of the calendar as this service counts deadlines with it (bundled chinese-days, then loaded arrangements). */
export interface CalendarYear {
  readonly year: number;
  /** The year has its State Council arrangement (bundled or loaded); else its days are the law's, provisional. */
  readonly published: boolean;
  readonly source: string | null;
  readonly days: readonly CalendarSpecialDay[];
}

/**
 * Loads a year's official holiday arrangement (国务院办公厅节假日安排) published after the release: a city-level ops
 * user's load is published as `reference.calendar-year` on the reference-data topic, and every service (this one
 * included, on each of its instances) takes it from there and recomputes its provisional deadlines
 * (ReferenceRecomputeService here).
 */
@Injectable()
export class CalendarArrangementService {
  constructor(
    private readonly publisher: CityReferencePublisher,
    private readonly reference: ReferenceDataService,
  ) {}

  async load(arrangement: YearArrangement, staff: StaffPrincipal): Promise<ArrangementPublished> {
    const { year, holidays, workdays, source } = arrangement;
    const revision = await this.publisher.publish('calendar-year', { year, holidays, workdays, source }, staff);
    return { year, revision };
  }

  /** The year's holidays and make-up workdays in the calendar the clocks use now (the working calendar's day info). */
  year(year: number): CalendarYear {
    const calendar = this.reference.current().calendar;
    const days = calendar.specialDays(year).map((d) => ({
      date: d.date,
      kind: d.kind === 'holiday' ? ('holiday' as const) : ('make-up-workday' as const),
      statutoryHolidays: d.statutoryHolidays ?? [],
    }));
    return { year, published: calendar.isPublished(year), source: calendar.sourceOf(year) ?? null, days };
  }

  /** The arrangements loaded on top of the bundled calendar, as this service holds them. */
  list(): LoadedArrangement[] {
    return this.reference.items('calendar-year').map((i) => ({
      year: i.value.year,
      source: i.value.source ?? null,
      revision: i.revision,
      loadedBy: i.publishedBy,
      loadedAt: i.publishedAt,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import type { YearArrangement } from '@sunshine/domain';
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

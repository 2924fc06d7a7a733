import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { divisionLineage, type YearArrangement } from '@sunshine/domain';
import {
  Clock,
  DirectoryReplicaService,
  OutboxRelay,
  ReferenceDataPublisher,
  ReferenceDataService,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { requireCityRole } from './city-reference-access';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryReplicaService,
    private readonly publisher: ReferenceDataPublisher,
    private readonly reference: ReferenceDataService,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  async load(arrangement: YearArrangement, staff: StaffPrincipal | undefined): Promise<ArrangementPublished> {
    const by = await requireCityRole(this.directory, staff, ['ops'], { zh: '全国节假日安排', en: "the nation's holiday calendar" });
    const publication = await this.dataSource.transaction((m) =>
      this.publisher.publish(
        m,
        'calendar-year',
        { year: arrangement.year, holidays: arrangement.holidays, workdays: arrangement.workdays, source: arrangement.source },
        {
          actor: { kind: 'staff', id: by.subject, unitId: by.unitId },
          jurisdiction: { place: [], unit: divisionLineage(by.divisionCode).slice(1) },
          occurredAt: this.clock.now(),
        },
      ),
    );
    this.relay.poke();
    return { year: arrangement.year, revision: publication.revision };
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

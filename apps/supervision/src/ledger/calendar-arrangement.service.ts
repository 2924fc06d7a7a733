import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { YearArrangement } from '@sunshine/domain';
import { Clock, OutboxRelay, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { ClockLedgerRepository } from './clock-ledger.repository';
import { ClockLedgerService } from './clock-ledger.service';
import { DueWakeScheduler } from './due-wake.scheduler';
import { WorkingCalendarService } from './working-calendar.service';

export interface RecomputedClock {
  readonly clockId: string;
  readonly caseId: string;
  readonly kind: string;
  readonly dueBefore: string;
  readonly dueAfter: string;
  readonly provisional: boolean;
}

export interface ArrangementLoaded {
  readonly year: number;
  readonly recomputed: readonly RecomputedClock[];
}

/**
 * Loads a year's official holiday arrangement (国务院办公厅节假日安排) published after the release, and recomputes the
 * open clocks whose deadlines were provisional because they reached into that year; their warnings follow the new dates.
 */
@Injectable()
export class CalendarArrangementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
    private readonly repo: ClockLedgerRepository,
    private readonly ledger: ClockLedgerService,
    private readonly wake: DueWakeScheduler,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  async load(arrangement: YearArrangement, by: StaffPrincipal): Promise<ArrangementLoaded> {
    const result = await this.dataSource.transaction(async (m) => {
      await this.calendars.store(m, arrangement, by.subject, this.clock.now());
      const recomputed: RecomputedClock[] = [];
      for (const row of await this.repo.provisionalIn(m, arrangement.year)) {
        const updated = await this.ledger.recompute(m, row);
        recomputed.push({
          clockId: row.id,
          caseId: row.caseId,
          kind: row.kind,
          dueBefore: row.dueAt,
          dueAfter: updated.dueAt,
          provisional: updated.provisional,
        });
        this.wake.soon(updated.caseId, updated.id, updated.nextCheckAt);
      }
      return { year: arrangement.year, recomputed };
    });
    this.relay.poke();
    return result;
  }

  list() {
    return this.calendars.list();
  }
}

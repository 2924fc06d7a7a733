import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@sunshine/domain';
import { ReferenceDataService } from '@sunshine/platform';

/**
 * The working calendar the ledger counts with: the replicated reference data (the years chinese-days ships plus every
 * arrangement published on the reference-data topic), read from the service's replica (the one behind its
 * DeadlineContextSource), so the ledger, intake and routing count with the same calendar.
 */
@Injectable()
export class WorkingCalendarService {
  constructor(private readonly reference: ReferenceDataService) {}

  current(): WorkingCalendar {
    return this.reference.current().calendar;
  }

  /** The replica keeps itself current (each applied snapshot, and a re-read every few seconds): nothing to re-read. */
  async refresh(): Promise<WorkingCalendar> {
    return this.current();
  }
}

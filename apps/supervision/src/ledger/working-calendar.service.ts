import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { defaultWorkingCalendar, type WorkingCalendar, type YearArrangement } from '@sunshine/domain';
import type { DataSource, EntityManager } from 'typeorm';

interface ArrangementRow {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string | null;
  loaded_at: Date;
}

/**
 * The working calendar the ledger counts with: the arrangements bundled with the code (chinese-days) plus those ops
 * loaded into the database (a year published after the release). Every instance re-reads the table before a scan,
 * so an arrangement loaded through one instance is used by all.
 */
@Injectable()
export class WorkingCalendarService implements OnModuleInit {
  private calendar: WorkingCalendar = defaultWorkingCalendar();
  private signature = '';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  current(): WorkingCalendar {
    return this.calendar;
  }

  /** Re-reads the loaded arrangements when they changed. */
  async refresh(m: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const rows = await m.query<ArrangementRow[]>(
      `SELECT year, holidays, workdays, source, loaded_at FROM calendar_arrangements ORDER BY year`,
    );
    const signature = rows.map((r) => `${r.year}@${new Date(r.loaded_at).toISOString()}`).join(',');
    if (signature !== this.signature) {
      const loaded: YearArrangement[] = rows.map((r) => ({
        year: r.year,
        holidays: r.holidays,
        workdays: r.workdays,
        source: r.source ?? undefined,
      }));
      this.calendar = defaultWorkingCalendar().withArrangements(loaded);
      this.signature = signature;
    }
    return this.calendar;
  }

  /** Stores a year's arrangement (replacing an earlier load of the same year) and switches to it. */
  async store(m: EntityManager, arrangement: YearArrangement, loadedBy: string, at: Date): Promise<WorkingCalendar> {
    await m.query(
      `INSERT INTO calendar_arrangements (year, holidays, workdays, source, loaded_by, loaded_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (year) DO UPDATE SET holidays = $2, workdays = $3, source = $4, loaded_by = $5, loaded_at = $6`,
      [arrangement.year, arrangement.holidays, arrangement.workdays, arrangement.source ?? null, loadedBy, at],
    );
    return this.refresh(m);
  }

  async list(): Promise<Array<{ year: number; source: string | null; loadedBy: string; loadedAt: string }>> {
    const rows = await this.dataSource.query<Array<{ year: number; source: string | null; loaded_by: string; loaded_at: Date }>>(
      `SELECT year, source, loaded_by, loaded_at FROM calendar_arrangements ORDER BY year`,
    );
    return rows.map((r) => ({ year: r.year, source: r.source, loadedBy: r.loaded_by, loadedAt: new Date(r.loaded_at).toISOString() }));
  }
}

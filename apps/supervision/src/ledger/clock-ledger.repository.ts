import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { CLOCK_COLUMNS, type ClockRow, clockRowOf, type ClockStatus, OPEN_CLOCK_STATUSES } from './clock-row';

/** The ledger's SQL: clocks and the notices raised from them. */
@Injectable()
export class ClockLedgerRepository {
  /** The case's clocks that still wait for their fact, locked for the transaction. */
  async open(m: EntityManager, caseId: string): Promise<ClockRow[]> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT ${CLOCK_COLUMNS} FROM deadline_clocks WHERE case_id = $1 AND status = ANY($2) ORDER BY id FOR UPDATE`,
      [caseId, OPEN_CLOCK_STATUSES],
    );
    return rows.map(clockRowOf);
  }

  /** The case's clocks with a notice due at `now`, locked. */
  async dueOf(m: EntityManager, caseId: string, now: Date): Promise<ClockRow[]> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT ${CLOCK_COLUMNS} FROM deadline_clocks WHERE case_id = $1 AND next_check_at <= $2 ORDER BY id FOR UPDATE`,
      [caseId, now],
    );
    return rows.map(clockRowOf);
  }

  async insert(m: EntityManager, c: ClockRow): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO deadline_clocks (id, case_id, kind, stage, unit_id, subject, article, start_event_id, start_event_type, start_at,
         given_due_at, extension_days, pauses, division_code, on_due, window_name, warns, due_at, last_day, provisional,
         unpublished_years, status, next_check_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
       ON CONFLICT (start_event_id, kind) DO NOTHING RETURNING id`,
      [
        c.id,
        c.caseId,
        c.kind,
        c.stage,
        c.unitId,
        c.subject,
        c.article,
        c.startEventId,
        c.startEventType,
        c.startAt,
        c.givenDueAt,
        c.extensionDays,
        JSON.stringify(c.pauses),
        c.divisionCode,
        c.onDue,
        c.windowName,
        c.warns,
        c.dueAt,
        c.lastDay,
        c.provisional,
        c.unpublishedYears,
        c.status,
        c.nextCheckAt,
      ],
    );
    return rows.length > 0;
  }

  /** Saves what may change on a running clock: its unit, extension, pauses, due and schedule. */
  async save(m: EntityManager, c: ClockRow): Promise<void> {
    await m.query(
      `UPDATE deadline_clocks SET unit_id = $2, extension_days = $3, pauses = $4, due_at = $5, last_day = $6, provisional = $7,
         unpublished_years = $8, status = $9, next_check_at = $10, updated_at = now() WHERE id = $1`,
      [
        c.id,
        c.unitId,
        c.extensionDays,
        JSON.stringify(c.pauses),
        c.dueAt,
        c.lastDay,
        c.provisional,
        c.unpublishedYears,
        c.status,
        c.nextCheckAt,
      ],
    );
  }

  async stop(m: EntityManager, id: string, status: ClockStatus, at: string, eventId: string | null, late: boolean | null): Promise<void> {
    await m.query(
      `UPDATE deadline_clocks SET status = $2, stopped_at = $3, stop_event_id = $4, late = $5, next_check_at = NULL, updated_at = now()
       WHERE id = $1`,
      [id, status, at, eventId, late],
    );
  }

  /** Keys of the notices already settled for the clock's current due instant. */
  async settled(m: EntityManager, clockId: string, dueAt: string): Promise<Set<string>> {
    const rows = await m.query<Array<{ notice: string }>>(`SELECT notice FROM clock_notices WHERE clock_id = $1 AND due_at = $2`, [
      clockId,
      dueAt,
    ]);
    return new Set(rows.map((r) => r.notice));
  }

  /** Records a notice once per clock, notice and due instant; false when it was already there. */
  async recordNotice(
    m: EntityManager,
    n: {
      clockId: string;
      notice: string;
      dueAt: string;
      scheduledAt: Date;
      raisedAt: Date;
      emitted: boolean;
      eventId: string | null;
      note: string | null;
    },
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO clock_notices (clock_id, notice, due_at, scheduled_at, raised_at, emitted, event_id, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING clock_id`,
      [n.clockId, n.notice, n.dueAt, n.scheduledAt, n.raisedAt, n.emitted, n.eventId, n.note],
    );
    return rows.length > 0;
  }

  /** Cases with a clock whose next notice is due at `now`. */
  async casesDue(m: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows = await m.query<Array<{ case_id: string }>>(
      `SELECT case_id FROM deadline_clocks WHERE next_check_at <= $1 GROUP BY case_id ORDER BY min(next_check_at) LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.case_id);
  }

  /** Clocks whose next notice falls in (now, until]: candidates for a precise wake-up job. */
  async upcoming(m: EntityManager, now: Date, until: Date, limit: number): Promise<Array<{ id: string; caseId: string; at: Date }>> {
    const rows = await m.query<Array<{ id: string; case_id: string; next_check_at: Date }>>(
      `SELECT id, case_id, next_check_at FROM deadline_clocks WHERE next_check_at > $1 AND next_check_at <= $2
       ORDER BY next_check_at LIMIT $3`,
      [now, until, limit],
    );
    return rows.map((r) => ({ id: r.id, caseId: r.case_id, at: new Date(r.next_check_at) }));
  }

  /** Open clocks computed on a provisional calendar that consulted `year`, locked. */
  async provisionalIn(m: EntityManager, year: number): Promise<ClockRow[]> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT ${CLOCK_COLUMNS} FROM deadline_clocks WHERE status IN ('running', 'paused') AND $1 = ANY(unpublished_years)
       ORDER BY id FOR UPDATE`,
      [year],
    );
    return rows.map(clockRowOf);
  }
}

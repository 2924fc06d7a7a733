import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseVisibility, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

export interface ClockListItem {
  readonly clockId: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly kind: string;
  readonly stage: string;
  readonly unitId: string;
  readonly article: string;
  readonly startAt: string;
  readonly dueAt: string;
  readonly lastDay: string;
  readonly provisional: boolean;
  readonly status: string;
}

export interface ClockQuery {
  readonly status?: readonly string[];
  readonly kind?: string;
  readonly unitId?: string;
  readonly dueBefore?: string;
  readonly limit: number;
}

const iso = (v: unknown): string => new Date(v instanceof Date ? v.toISOString() : String(v)).toISOString();

/** The ledger as lists (overdue lists, what falls due this week), of the cases the one visibility rule lets the caller see. */
@Injectable()
export class ClocksQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
  ) {}

  async list(staff: StaffPrincipal, q: ClockQuery): Promise<ClockListItem[]> {
    const filter = await this.visibility.sql(staff, 1, 'v');
    const params: unknown[] = [...filter.params];
    const where = [filter.visible];
    const add = (sql: (n: string) => string, value: unknown) => where.push(sql(`$${params.push(value)}`));
    add((n) => `c.status = ANY(${n})`, q.status?.length ? q.status : ['running', 'paused', 'overdue']);
    if (q.kind) add((n) => `c.kind = ${n}`, q.kind);
    if (q.unitId) add((n) => `c.unit_id = ${n}`, q.unitId);
    if (q.dueBefore) add((n) => `c.due_at <= ${n}`, q.dueBefore);
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT c.*, v.case_number FROM deadline_clocks c JOIN case_replica v ON v.case_id = c.case_id
       WHERE ${where.join(' AND ')} ORDER BY c.due_at LIMIT $${params.length + 1}`,
      [...params, q.limit],
    );
    return rows.map((r) => ({
      clockId: String(r['id']),
      caseId: String(r['case_id']),
      caseNumber: (r['case_number'] as string | null) ?? null,
      kind: String(r['kind']),
      stage: String(r['stage']),
      unitId: String(r['unit_id']),
      article: String(r['article']),
      startAt: iso(r['start_at']),
      dueAt: iso(r['due_at']),
      lastDay: String(r['last_day']),
      provisional: Boolean(r['provisional']),
      status: String(r['status']),
    }));
  }
}

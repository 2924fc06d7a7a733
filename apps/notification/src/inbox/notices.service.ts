import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseVisibility, Clock, DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import type { NoticeItem } from './notice-item';

export interface NoticeQuery {
  readonly unread?: boolean;
  readonly kind?: string;
  readonly caseId?: string;
  readonly before?: string;
  readonly limit: number;
}

export interface NoticePage {
  readonly unread: number;
  readonly items: NoticeItem[];
  /** Pass as `before` for the next page; null on the last one. */
  readonly next: string | null;
}

const NOTICE_NOT_FOUND = new DomainException('NOTICE_NOT_FOUND', 'not-found', { zh: '通知不存在', en: 'no such notice' });

/**
 * The unit's in-app notices for one staff member: those addressed to the unit and one of the caller's roles, about a
 * case the caller may still see (the one visibility rule, as SQL over the case replica), with the caller's read state.
 */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
    private readonly clock: Clock,
  ) {}

  async list(staff: StaffPrincipal, q: NoticeQuery): Promise<NoticePage> {
    const scope = await this.scope(staff);
    const filters: string[] = [];
    const params: unknown[] = [...scope.params];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      filters.push(clause(params.length));
    };
    if (q.unread) filters.push('r.notice_id IS NULL');
    if (q.kind) add((n) => `n.kind = $${n}`, q.kind);
    if (q.caseId) add((n) => `n.case_id = $${n}`, q.caseId);
    if (q.before) add((n) => `n.id < $${n}`, q.before);
    params.push(q.limit + 1);
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT n.*, r.notice_id IS NOT NULL AS read ${scope.from}
        ${filters.map((f) => `AND ${f}`).join(' ')} ORDER BY n.id DESC LIMIT $${params.length}`,
      params,
    );
    const [count] = await this.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n ${scope.from} AND r.notice_id IS NULL`,
      scope.params,
    );
    const items = rows.slice(0, q.limit).map(itemOf);
    return { unread: Number(count?.n ?? 0), items, next: rows.length > q.limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  /** Marks one notice read for the caller (idempotent); 404 for a notice the caller would not see. */
  async markRead(staff: StaffPrincipal, id: string): Promise<{ id: string; read: true }> {
    const scope = await this.scope(staff);
    const found = await this.dataSource.query<unknown[]>(`SELECT 1 ${scope.from} AND n.id = $${scope.params.length + 1}`, [
      ...scope.params,
      id,
    ]);
    if (found.length === 0) throw NOTICE_NOT_FOUND;
    await this.dataSource.query(`INSERT INTO notice_reads (notice_id, subject, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      id,
      staff.subject,
      this.clock.now(),
    ]);
    return { id, read: true };
  }

  /** Marks every notice the caller sees read; answers how many were unread. */
  async markAllRead(staff: StaffPrincipal): Promise<{ marked: number }> {
    const scope = await this.scope(staff);
    const n = scope.params.length;
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO notice_reads (notice_id, subject, read_at) SELECT n.id, $${n + 1}, $${n + 2} ${scope.from} AND r.notice_id IS NULL
       ON CONFLICT DO NOTHING RETURNING notice_id`,
      [...scope.params, staff.subject, this.clock.now()],
    );
    return { marked: rows.length };
  }

  /** FROM … WHERE of the caller's notices (parameters $1–$7: unit, roles, subject, then the visibility rule's). */
  private async scope(staff: StaffPrincipal): Promise<{ from: string; params: unknown[] }> {
    const vis = await this.visibility.sql(staff, 4, 'c');
    return {
      from: `FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.subject = $3
             LEFT JOIN case_replica c ON c.case_id = n.case_id
             WHERE n.unit_id = $1 AND n.roles && $2::text[] AND (n.case_id IS NULL OR (${vis.visible}))`,
      params: [staff.unitId, [...staff.roles], staff.subject, ...vis.params],
    };
  }
}

function itemOf(r: Record<string, unknown>): NoticeItem {
  return {
    id: String(r['id']),
    unitId: String(r['unit_id']),
    roles: r['roles'] as string[],
    kind: String(r['kind']),
    caseId: (r['case_id'] as string | null) ?? null,
    eventType: String(r['event_type']),
    title: String(r['title']),
    body: String(r['body']),
    createdAt: new Date(r['created_at'] as string).toISOString(),
    read: Boolean(r['read']),
  };
}

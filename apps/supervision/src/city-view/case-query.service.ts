import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { divisionPrefix } from '@sunshine/domain';
import { CaseVisibility, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { CASE_LIST_COLUMNS, CASE_UPDATED_AT, caseListItemOf, type CaseListItem } from './case-list-item';

export interface CaseQuery {
  readonly status?: readonly string[];
  readonly stage?: string;
  readonly type?: string;
  readonly category?: string;
  readonly holdingUnitId?: string;
  /** Cases whose place lies in this division (within what the caller may see). */
  readonly division?: string;
  readonly overdue?: boolean;
  readonly supervised?: boolean;
  readonly backlog?: boolean;
  readonly leaderRef?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The city view as a list of the case replica, filtered by the one visibility rule first, then by the query. */
@Injectable()
export class CaseQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
  ) {}

  async list(staff: StaffPrincipal, q: CaseQuery): Promise<{ items: CaseListItem[]; total: number }> {
    const filter = await this.visibility.sql(staff, 1, 'v');
    const params: unknown[] = [...filter.params];
    const where = [filter.visible];
    const add = (sql: (n: string) => string, value: unknown) => where.push(sql(`$${params.push(value)}`));
    if (q.status?.length) add((n) => `v.status = ANY(${n})`, q.status);
    if (q.stage) add((n) => `v.stage = ${n}`, q.stage);
    if (q.type) add((n) => `v.type = ${n}`, q.type);
    if (q.category) add((n) => `v.category = ${n}`, q.category);
    if (q.holdingUnitId) add((n) => `v.holding_unit_id = ${n}`, q.holdingUnitId);
    if (q.division) add((n) => `v.place_code LIKE ${n}`, `${divisionPrefix(q.division)}%`);
    if (q.leaderRef) add((n) => `v.state -> 'flags' ->> 'leaderRef' = ${n}`, q.leaderRef);
    if (q.supervised !== undefined) add((n) => `COALESCE((v.state -> 'flags' ->> 'supervised')::boolean, false) = ${n}`, q.supervised);
    if (q.backlog !== undefined) add((n) => `COALESCE((v.state -> 'flags' ->> 'backlog')::boolean, false) = ${n}`, q.backlog);
    if (q.overdue !== undefined) {
      add((n) => `EXISTS (SELECT 1 FROM deadline_clocks c WHERE c.case_id = v.case_id AND c.status = 'overdue') = ${n}`, q.overdue);
    }
    const clause = where.join(' AND ');
    const [{ total }] = await this.dataSource.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM case_replica v WHERE ${clause}`,
      params,
    );
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT ${CASE_LIST_COLUMNS} FROM case_replica v WHERE ${clause}
       ORDER BY ${CASE_UPDATED_AT} DESC, v.case_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return { items: rows.map(caseListItemOf), total };
  }
}

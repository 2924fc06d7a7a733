import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DISCIPLINE_KINDS, TERRITORY_OVERSEER_KINDS } from '@sunshine/domain';
import { caseCoreColumns, caseCoreOf, CaseVisibility, DomainException, isoOf, type CaseCore, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { INBOX_VISIBILITY_FROM, inboxSql, type InboxQuery } from './inbox.query';

export interface InboxItem extends CaseCore {
  /** True while the case is with this unit; false for cases it held before. */
  readonly holding: boolean;
  readonly dueAt: string | null;
  /** The due date was counted on a year whose official holidays are not published yet: it may move when they are. */
  readonly dueProvisional: boolean;
  readonly registeredAt: string | null;
  readonly objectedTwice: boolean;
  /** The case version to send back with an action (If-Match). */
  readonly version: number;
  readonly updatedAt: string;
}

export interface InboxPage {
  readonly items: InboxItem[];
  readonly total: number;
  /** Counts per status under the same scope and filters (except the status filter). */
  readonly byStatus: Record<string, number>;
}

/** Unit kinds the visibility rule gives a view of their territory (bureaus, governments, party committees, discipline organs). */
const TERRITORY_VIEW_KINDS: readonly string[] = [...TERRITORY_OVERSEER_KINDS, ...DISCIPLINE_KINDS];

const SELECT = `SELECT ${caseCoreColumns('c')}, c.due_at,
  c.due_provisional, c.registered_at, coalesce((c.state #>> '{objections,count}')::int, 0) >= 2 AS objected_twice, c.revision,
  c.updated_at FROM case_replica c`;

/** A unit's inbox (the cases it holds or held), or an overseer's territory: both through the one visibility rule. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
  ) {}

  async list(staff: StaffPrincipal, q: InboxQuery): Promise<InboxPage> {
    const viewer = await this.visibility.viewer(staff);
    if (q.scope === 'territory' && !(viewer.kind !== null && TERRITORY_VIEW_KINDS.includes(viewer.kind))) {
      throw new DomainException('SCOPE_NOT_ALLOWED', 'forbidden', {
        zh: '只有信访部门、党委政府和纪检监察机关可以查看辖区内的信访事项',
        en: 'only petition bureaus, governments, party committees and discipline organs see their territory',
      });
    }
    const sql = inboxSql(staff.unitId, await this.visibility.sql(staff, INBOX_VISIBILITY_FROM, 'c'), q);
    const n = sql.params.length;
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `${SELECT} WHERE ${sql.filtered} ORDER BY ${sql.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...sql.params, q.limit, q.offset],
    );
    const counts = await this.dataSource.query<Array<{ status: string | null; n: string }>>(
      `SELECT c.status, count(*) AS n FROM case_replica c WHERE ${sql.scoped} GROUP BY c.status`,
      sql.params.slice(0, q.status ? n - 1 : n),
    );
    const [{ total } = { total: '0' }] = await this.dataSource.query<Array<{ total: string }>>(
      `SELECT count(*) AS total FROM case_replica c WHERE ${sql.filtered}`,
      sql.params,
    );
    return {
      items: rows.map((r) => ({
        ...caseCoreOf(r),
        holding: r['holding_unit_id'] === staff.unitId,
        dueAt: isoOf(r['due_at']),
        dueProvisional: r['due_at'] !== null && Boolean(r['due_provisional']),
        registeredAt: isoOf(r['registered_at']),
        objectedTwice: Boolean(r['objected_twice']),
        version: Number(r['revision']),
        updatedAt: isoOf(r['updated_at']) ?? '',
      })),
      total: Number(total),
      byStatus: Object.fromEntries(counts.map((c) => [c.status ?? 'none', Number(c.n)])),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseStatus, Stage } from '@sunshine/contracts';
import { DomainException, type StaffPrincipal, isoOf } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { CaseAccess } from '../cases/case-access.service';
import { inboxSql, type InboxQuery } from './inbox.query';

export interface InboxItem {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly category: string | null;
  readonly type: string | null;
  readonly placeCode: string | null;
  readonly holdingUnitId: string | null;
  /** True while the case is with this unit; false for cases it held before. */
  readonly holding: boolean;
  readonly dueAt: string | null;
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

const iso = isoOf;

/** A unit's inbox (visibility from the projection: every unit that ever held the case), or a bureau's territory. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  async list(staff: StaffPrincipal, q: InboxQuery): Promise<InboxPage> {
    const viewer = await this.access.viewer(this.dataSource.manager, staff);
    if (q.scope === 'territory' && !viewer.bureau) {
      throw new DomainException('SCOPE_NOT_ALLOWED', 'forbidden', {
        zh: '只有信访部门可以查看辖区内的信访事项',
        en: 'only a petition bureau sees its territory',
      });
    }
    const sql = inboxSql(viewer, q);
    const n = sql.params.length;
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT case_id, case_number, status, stage, category, type, place_code, holding_unit_id, due_at, registered_at, objected_twice,
              revision, updated_at FROM cases WHERE ${sql.filtered} ORDER BY ${sql.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...sql.params, q.limit, q.offset],
    );
    const counts = await this.dataSource.query<Array<{ status: string | null; n: string }>>(
      `SELECT status, count(*) AS n FROM cases WHERE ${sql.scoped} GROUP BY status`,
      sql.params.slice(0, q.status ? n - 1 : n),
    );
    const [{ total } = { total: '0' }] = await this.dataSource.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM cases WHERE ${sql.filtered}`, sql.params);
    return {
      items: rows.map((r) => ({
        caseId: String(r['case_id']),
        caseNumber: (r['case_number'] as string | null) ?? null,
        status: (r['status'] as CaseStatus | null) ?? null,
        stage: r['stage'] as Stage,
        category: (r['category'] as string | null) ?? null,
        type: (r['type'] as string | null) ?? null,
        placeCode: (r['place_code'] as string | null) ?? null,
        holdingUnitId: (r['holding_unit_id'] as string | null) ?? null,
        holding: r['holding_unit_id'] === staff.unitId,
        dueAt: iso(r['due_at']),
        registeredAt: iso(r['registered_at']),
        objectedTwice: Boolean(r['objected_twice']),
        version: Number(r['revision']),
        updatedAt: iso(r['updated_at']) ?? '',
      })),
      total: Number(total),
      byStatus: Object.fromEntries(counts.map((c) => [c.status ?? 'none', Number(c.n)])),
    };
  }
}

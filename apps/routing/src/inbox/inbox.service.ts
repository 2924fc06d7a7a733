import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseStatus, Stage } from '@sunshine/contracts';
import type { DataSource } from 'typeorm';

export interface InboxItem {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly category: string | null;
  readonly type: string | null;
  readonly placeCode: string | null;
  /** True while the case is with this unit; false for cases it held before. */
  readonly holding: boolean;
  readonly updatedAt: string;
}

export interface InboxQuery {
  readonly status?: CaseStatus;
  readonly holding?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** A unit's inbox: the cases it holds or has held (visibility from the projection, every unit that ever held it). */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(unitId: string, q: InboxQuery): Promise<{ items: InboxItem[]; total: number; byStatus: Record<string, number> }> {
    const where = `$1 = ANY(held_by) AND ($2::text IS NULL OR status = $2) AND ($3::boolean IS NULL OR (holding_unit_id = $1) = $3)`;
    const params = [unitId, q.status ?? null, q.holding ?? null];
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT case_id, case_number, status, stage, category, type, place_code, holding_unit_id = $1 AS holding, updated_at
         FROM cases WHERE ${where} ORDER BY updated_at DESC, case_id LIMIT $4 OFFSET $5`,
      [...params, q.limit, q.offset],
    );
    const counts = await this.dataSource.query<Array<{ status: string; n: string }>>(
      `SELECT status, count(*) AS n FROM cases WHERE $1 = ANY(held_by) GROUP BY status`,
      [unitId],
    );
    const [{ total } = { total: '0' }] = await this.dataSource.query<Array<{ total: string }>>(
      `SELECT count(*) AS total FROM cases WHERE ${where}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        caseId: String(r['case_id']),
        caseNumber: (r['case_number'] as string | null) ?? null,
        status: (r['status'] as CaseStatus | null) ?? null,
        stage: r['stage'] as Stage,
        category: (r['category'] as string | null) ?? null,
        type: (r['type'] as string | null) ?? null,
        placeCode: (r['place_code'] as string | null) ?? null,
        holding: Boolean(r['holding']),
        updatedAt: new Date(String(r['updated_at'])).toISOString(),
      })),
      total: Number(total),
      byStatus: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    };
  }
}

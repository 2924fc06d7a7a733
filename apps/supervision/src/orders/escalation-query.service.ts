import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseVisibility, isoOf, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

export interface EscalationView {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly orderId: string | null;
  readonly unitId: string;
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly policyStep: number;
  readonly reasonCode: string;
  readonly escalatedAt: string;
}

/** Escalations of the cases the caller may see (the one visibility rule over the case replica). */
@Injectable()
export class EscalationQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
  ) {}

  async list(staff: StaffPrincipal, q: { caseId?: string; limit: number }): Promise<EscalationView[]> {
    const filter = await this.visibility.sql(staff, 1, 'v');
    const params: unknown[] = [...filter.params];
    const byCase = q.caseId ? `AND e.case_id = $${params.push(q.caseId)}` : '';
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT e.*, v.case_number FROM escalations e JOIN case_replica v ON v.case_id = e.case_id
       WHERE ${filter.visible} ${byCase} ORDER BY e.escalated_at DESC LIMIT $${params.push(q.limit)}`,
      params,
    );
    return rows.map((r) => ({
      caseId: String(r['case_id']),
      caseNumber: (r['case_number'] as string | null) ?? null,
      orderId: (r['order_id'] as string | null) ?? null,
      unitId: String(r['unit_id']),
      fromUnitId: String(r['from_unit_id']),
      toUnitId: String(r['to_unit_id']),
      policyStep: Number(r['policy_step']),
      reasonCode: String(r['reason_code']),
      escalatedAt: isoOf(r['escalated_at']) ?? '',
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { CaseLists, isoOf, type StaffPrincipal } from '@sunshine/platform';

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
  constructor(private readonly lists: CaseLists) {}

  async list(staff: StaffPrincipal, q: { caseId?: string; limit: number }): Promise<EscalationView[]> {
    const rows = await (
      await this.lists.visibleTo(staff)
    )
      .whereGiven(q.caseId, (p) => `e.case_id = ${p}`)
      .rows(`SELECT e.*, v.case_number FROM escalations e JOIN case_replica v ON v.case_id = e.case_id`, 'e.escalated_at DESC', q);
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

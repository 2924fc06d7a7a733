import { Injectable } from '@nestjs/common';
import { CaseLists, type StaffPrincipal } from '@sunshine/platform';

import { clockRowOf, OPEN_CLOCK_STATUSES } from './clock-row';
import { type ClockView, clockViewOf } from './clock-view';

export interface ClockListItem extends ClockView {
  readonly caseId: string;
  readonly caseNumber: string | null;
}

export interface ClockQuery {
  readonly status?: readonly string[];
  readonly kind?: string;
  readonly unitId?: string;
  readonly dueBefore?: string;
  readonly limit: number;
}

/** The ledger as lists (overdue lists, what falls due this week), of the cases the one visibility rule lets the caller see. */
@Injectable()
export class ClocksQueryService {
  constructor(private readonly lists: CaseLists) {}

  async list(staff: StaffPrincipal, q: ClockQuery): Promise<ClockListItem[]> {
    const rows = await (
      await this.lists.visibleTo(staff)
    )
      .where((p) => `c.status = ANY(${p})`, q.status?.length ? q.status : OPEN_CLOCK_STATUSES)
      .whereGiven(q.kind, (p) => `c.kind = ${p}`)
      .whereGiven(q.unitId, (p) => `c.unit_id = ${p}`)
      .whereGiven(q.dueBefore, (p) => `c.due_at <= ${p}`)
      .rows(`SELECT c.*, v.case_number FROM deadline_clocks c JOIN case_replica v ON v.case_id = c.case_id`, 'c.due_at', q);
    return rows.map((r) => ({
      ...clockViewOf(clockRowOf(r)),
      caseId: String(r['case_id']),
      caseNumber: (r['case_number'] as string | null) ?? null,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { divisionPrefix } from '@sunshine/domain';
import { CaseLists, type StaffPrincipal } from '@sunshine/platform';
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
  constructor(private readonly lists: CaseLists) {}

  async list(staff: StaffPrincipal, q: CaseQuery): Promise<{ items: CaseListItem[]; total: number }> {
    const flag = (name: string) => `COALESCE((v.state -> 'flags' ->> '${name}')::boolean, false)`;
    const query = (await this.lists.visibleTo(staff))
      .whereGiven(q.status?.length ? q.status : undefined, (p) => `v.status = ANY(${p})`)
      .whereGiven(q.stage, (p) => `v.stage = ${p}`)
      .whereGiven(q.type, (p) => `v.type = ${p}`)
      .whereGiven(q.category, (p) => `v.category = ${p}`)
      .whereGiven(q.holdingUnitId, (p) => `v.holding_unit_id = ${p}`)
      .whereGiven(q.division && `${divisionPrefix(q.division)}%`, (p) => `v.place_code LIKE ${p}`)
      .whereGiven(q.leaderRef, (p) => `v.state -> 'flags' ->> 'leaderRef' = ${p}`)
      .whereGiven(q.supervised, (p) => `${flag('supervised')} = ${p}`)
      .whereGiven(q.backlog, (p) => `${flag('backlog')} = ${p}`)
      .whereGiven(q.overdue, (p) => `EXISTS (SELECT 1 FROM deadline_clocks c WHERE c.case_id = v.case_id AND c.status = 'overdue') = ${p}`);
    const total = await query.count('FROM case_replica v');
    const rows = await query.rows(`SELECT ${CASE_LIST_COLUMNS} FROM case_replica v`, `${CASE_UPDATED_AT} DESC, v.case_id`, q);
    return { items: rows.map(caseListItemOf), total };
  }
}

import { Injectable } from '@nestjs/common';
import { divisionPrefix } from '@sunshine/domain';
import { CaseLists, OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';

import { CASE_LIST_COLUMNS, CASE_UPDATED_AT, caseListItemOf } from './case-list-item';
import { type CityListItem, cityListItemOf } from './city-list-item';
import { IntakeSubjectsClient } from './intake-subjects.client';

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

/**
 * The city view as a list of the case replica, filtered by the one visibility rule first, then by the query; each row
 * with its subject from intake (where the caller may read it in full), its holding unit's and its place's names.
 */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly lists: CaseLists,
    private readonly directory: OrgDirectorySource,
    private readonly subjects: IntakeSubjectsClient,
  ) {}

  async list(staff: StaffPrincipal, q: CaseQuery): Promise<{ items: CityListItem[]; total: number }> {
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
    const items = rows.map(caseListItemOf);
    const [directory, subjects] = [
      await this.directory.current(),
      await this.subjects.subjects(
        items.map((i) => i.caseId),
        staff.token,
      ),
    ];
    return { items: items.map((i) => cityListItemOf(i, directory, subjects)), total };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SupervisionTrigger } from '@sunshine/contracts';
import { divisionContains } from '@sunshine/domain';
import { CaseLists, Clock, DomainException, isoOf, OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { type DissatisfactionPolicy, dissatisfactionPolicyAt } from './dissatisfaction-policy';

export interface DissatisfactionPolicyView extends DissatisfactionPolicy {
  readonly id: string;
  readonly revision: number;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

/** A 不满意 rating flagged to the supervising bureau, which decides what follows (an order, or nothing). */
export interface DissatisfactionReview {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly stage: string;
  readonly unitId: string;
  readonly bureauUnitId: string;
  readonly status: string;
  readonly raisedAt: string;
}

type PolicyRow = {
  id: string;
  jurisdiction: string;
  response: DissatisfactionPolicy['response'];
  trigger: SupervisionTrigger | null;
  revision: number;
  published_by: string;
  published_at: Date;
};

/**
 * The jurisdictions' policies for a 不满意 rating (city-level admin or ops write them, as the deadline policies), and the
 * ratings flagged for the supervising bureau's review under them.
 */
@Injectable()
export class DissatisfactionPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectorySource,
    private readonly lists: CaseLists,
    private readonly clock: Clock,
  ) {}

  async put(id: string, policy: DissatisfactionPolicy, staff: StaffPrincipal): Promise<DissatisfactionPolicyView> {
    const territory = (await this.directory.current()).get(staff.unitId)?.divisionCode;
    if (!territory || !divisionContains(territory, policy.jurisdiction)) {
      throw new DomainException('OUTSIDE_JURISDICTION', 'forbidden', {
        zh: `不满意处置规则的适用区域 ${policy.jurisdiction} 不在本单位辖区内`,
        en: `the policy's jurisdiction ${policy.jurisdiction} lies outside the caller's territory`,
      });
    }
    const [row] = await this.dataSource.query<PolicyRow[]>(
      `INSERT INTO dissatisfaction_policies (id, jurisdiction, response, trigger, revision, published_by, published_at) VALUES ($1, $2, $3, $4, 1, $5, $6)
       ON CONFLICT (id) DO UPDATE SET jurisdiction = $2, response = $3, trigger = $4, revision = dissatisfaction_policies.revision + 1,
         published_by = $5, published_at = $6 RETURNING *`,
      [id, policy.jurisdiction, policy.response, policy.trigger ?? null, staff.subject, this.clock.now()],
    );
    if (!row) throw new Error('policy not saved');
    return viewOf(row);
  }

  async list(): Promise<DissatisfactionPolicyView[]> {
    return (await this.dataSource.query<PolicyRow[]>(`SELECT * FROM dissatisfaction_policies ORDER BY jurisdiction, id`)).map(viewOf);
  }

  /** The response in force at the case's place (the most specific policy; review by default). */
  async at(m: EntityManager, placeCode: string | null): Promise<Omit<DissatisfactionPolicy, 'jurisdiction'>> {
    const rows = await m.query<PolicyRow[]>(`SELECT * FROM dissatisfaction_policies`);
    return dissatisfactionPolicyAt(rows.map(viewOf), placeCode);
  }

  /** Flags the rating for the bureau once per case, stage and rated unit (a redelivered rating adds nothing). */
  async raiseReview(
    m: EntityManager,
    r: { caseId: string; stage: string; unitId: string; bureauUnitId: string; ratedEventId: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO dissatisfaction_reviews (case_id, stage, unit_id, bureau_unit_id, rated_event_id, raised_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id, stage, unit_id) DO NOTHING`,
      [r.caseId, r.stage, r.unitId, r.bureauUnitId, r.ratedEventId, this.clock.now()],
    );
  }

  /** The ratings flagged to the caller's unit for review, of the cases it may see. */
  async reviews(staff: StaffPrincipal): Promise<DissatisfactionReview[]> {
    const rows = await (
      await this.lists.visibleTo(staff)
    )
      .where((p) => `r.bureau_unit_id = ${p}`, staff.unitId)
      .rows(`SELECT r.*, v.case_number FROM dissatisfaction_reviews r JOIN case_replica v ON v.case_id = r.case_id`, 'r.raised_at DESC', {
        limit: 500,
      });
    return rows.map((r) => ({
      caseId: String(r['case_id']),
      caseNumber: (r['case_number'] as string | null) ?? null,
      stage: String(r['stage']),
      unitId: String(r['unit_id']),
      bureauUnitId: String(r['bureau_unit_id']),
      status: String(r['status']),
      raisedAt: isoOf(r['raised_at']) ?? '',
    }));
  }
}

function viewOf(r: PolicyRow): DissatisfactionPolicyView {
  return {
    id: r.id,
    jurisdiction: r.jurisdiction,
    response: r.response,
    ...(r.trigger ? { trigger: r.trigger } : {}),
    revision: Number(r.revision),
    publishedBy: r.published_by,
    publishedAt: isoOf(r.published_at) ?? '',
  };
}

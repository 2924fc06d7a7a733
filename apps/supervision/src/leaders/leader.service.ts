import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Reason } from '@sunshine/contracts';
import type { CaseVisibilityFacts } from '@sunshine/domain';
import {
  CASE_NOT_FOUND,
  CaseCommands,
  CaseLists,
  CaseReplicaStore,
  CaseVisibility,
  Clock,
  DomainException,
  isoOf,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { CASE_LIST_COLUMNS, type CaseListItem, caseListItemOf } from '../city-view/case-list-item';
import { OrderParties } from '../orders/order-parties.service';
import { leaderRefusal } from './leader-rule';
import { RoutingStaffClient } from './routing-staff.client';

export interface LeaderCase extends CaseListItem {
  readonly assignedAt: string;
  readonly assignedBy: string;
  readonly leaderUnitId: string;
}

const ASSIGNS_LEADER = { zh: '安排领导包案', en: 'assigns a leader in charge' };

const LEADER_REQUIRED = new DomainException('LEADER_REQUIRED', 'unprocessable', {
  zh: '须指定包案领导（在册的领导干部）',
  en: 'name the leader in charge (a registered staff user with the leader role)',
});

/**
 * 领导包案: a leader takes charge of a case until it is resolved; the leader's own list. The leader is a staff user
 * of a unit (routing's staff register, checked with the caller's token), never free text: `leaderUnitId` is the
 * leader's own unit, which must know of the case. A leader taking a case themself is the caller (token role `leader`).
 * On an accusation only the discipline chain assigns, so the leader is of a unit that may read it (issue 17).
 */
@Injectable()
export class LeaderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lists: CaseLists,
    private readonly commands: CaseCommands,
    private readonly parties: OrderParties,
    private readonly clock: Clock,
    private readonly staffUsers: RoutingStaffClient,
    private readonly replica: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
  ) {}

  async assign(staff: StaffPrincipal, caseId: string, body: { leaderRef?: string; reason?: Reason }): Promise<LeaderCase> {
    const leaderRef = body.leaderRef ?? staff.subject;
    // Who may assign is answered first (404 for a case the caller may not know of, 403 off the discipline chain), then
    // the staff register is read before the case is locked (no HTTP call inside the transaction), then all is checked again.
    const seen = await this.replica.read(this.dataSource.manager, caseId);
    if (!seen) throw CASE_NOT_FOUND;
    await this.visibility.assert(staff, seen.facts);
    await this.parties.assertActor(staff, seen.facts, ASSIGNS_LEADER, false);
    const named = leaderRef === staff.subject ? null : await this.staffUsers.user(leaderRef, staff.token);
    await this.commands.act(caseId, staff, {}, async (tx) => {
      await this.parties.assertActor(staff, tx.current.facts, ASSIGNS_LEADER, false, tx.m);
      const unitId = await this.leaderUnit(staff, leaderRef, named, tx.current.facts, tx.m);
      const payload = body.reason ? { leaderRef, unitId, reason: body.reason } : { leaderRef, unitId };
      await tx.run({ name: 'assign-leader', payload });
      await tx.m.query(
        `INSERT INTO leader_assignments (case_id, leader_ref, unit_id, assigned_by, assigned_at, reason_code) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (case_id) DO UPDATE SET leader_ref = $2, unit_id = $3, assigned_by = $4, assigned_at = $5, reason_code = $6`,
        [caseId, leaderRef, unitId, staff.subject, this.clock.now(), body.reason?.code ?? null],
      );
    });
    const [item] = await this.query(staff, (p) => `l.case_id = ${p}`, caseId);
    if (!item) throw CASE_NOT_FOUND;
    return item;
  }

  /** The leader's own unit, or the refusal: the caller when they take the case themself (a leader), else the named user. */
  private async leaderUnit(
    staff: StaffPrincipal,
    leaderRef: string,
    named: Awaited<ReturnType<RoutingStaffClient['user']>>,
    facts: CaseVisibilityFacts,
    m: EntityManager,
  ): Promise<string> {
    const user = leaderRef === staff.subject ? { subject: staff.subject, unitId: staff.unitId, roles: staff.roles, active: true } : named;
    if (leaderRef === staff.subject && !staff.roles.includes('leader')) throw LEADER_REQUIRED;
    const refused = leaderRefusal(leaderRef, user, user ? await this.parties.accessOf(user.unitId, facts, m) : null);
    if (refused) throw refused;
    return user?.unitId ?? staff.unitId;
  }

  /**
   * The cases the calling leader is in charge of for the leader's unit (the unit the assignment names), as far as the
   * one visibility rule lets that unit see them.
   */
  list(staff: StaffPrincipal): Promise<LeaderCase[]> {
    return this.query(staff, (p) => `l.leader_ref = ${p}`, staff.subject, staff.unitId);
  }

  private async query(staff: StaffPrincipal, where: (p: string) => string, value: string, leaderUnitId?: string): Promise<LeaderCase[]> {
    const rows = await (
      await this.lists.visibleTo(staff)
    )
      .where(where, value)
      .whereGiven(leaderUnitId, (p) => `l.unit_id = ${p}`)
      .rows(
        `SELECT ${CASE_LIST_COLUMNS}, l.assigned_at, l.assigned_by, l.unit_id AS leader_unit_id, l.leader_ref
         FROM leader_assignments l JOIN case_replica v ON v.case_id = l.case_id`,
        'l.assigned_at DESC',
        { limit: 500 },
      );
    return rows.map((r) => ({
      ...caseListItemOf(r),
      leaderRef: String(r['leader_ref']),
      assignedAt: isoOf(r['assigned_at']) ?? '',
      assignedBy: String(r['assigned_by']),
      leaderUnitId: String(r['leader_unit_id']),
    }));
  }
}

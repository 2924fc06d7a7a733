import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Reason } from '@sunshine/contracts';
import { Clock, DomainException, OutboxRelay, type StaffPrincipal, isoOf } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { CASE_LIST_COLUMNS, caseListItemOf, type CaseListItem } from '../city-view/case-list-item';
import { CaseViewStore } from '../city-view/case-view.store';
import { CaseEmitter } from '../shared/case-emitter.service';
import { NOT_VISIBLE, VisibilityService } from '../shared/visibility.service';

export interface LeaderCase extends CaseListItem {
  readonly assignedAt: string;
  readonly assignedBy: string;
  readonly leaderUnitId: string;
}

/** 领导包案: a leader takes charge of a case until it is resolved; the leader's own list. */
@Injectable()
export class LeaderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: VisibilityService,
    private readonly cases: CaseViewStore,
    private readonly emitter: CaseEmitter,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  async assign(staff: StaffPrincipal, caseId: string, body: { leaderRef?: string; reason?: Reason }): Promise<LeaderCase> {
    const scope = await this.visibility.scopeOf(staff);
    const leaderRef = body.leaderRef ?? staff.subject;
    await this.dataSource.transaction(async (m) => {
      const filter = this.visibility.sql(scope, 2);
      const visible = await m.query<unknown[]>(`SELECT 1 FROM case_views v WHERE v.case_id = $1 AND ${filter.clause}`, [caseId, ...filter.params]);
      const state = visible.length > 0 ? await this.cases.lock(m, caseId) : null;
      if (!state) throw NOT_VISIBLE;
      const payload = body.reason ? { leaderRef, unitId: staff.unitId, reason: body.reason } : { leaderRef, unitId: staff.unitId };
      const result = await this.emitter.emit(m, state, { name: 'assign-leader', payload }, {
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
        unitId: staff.unitId,
      });
      if (!result.ok) throw new DomainException(result.error.code, 'conflict', result.error.message);
      await m.query(
        `INSERT INTO leader_assignments (case_id, leader_ref, unit_id, assigned_by, assigned_at, reason_code) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (case_id) DO UPDATE SET leader_ref = $2, unit_id = $3, assigned_by = $4, assigned_at = $5, reason_code = $6`,
        [caseId, leaderRef, staff.unitId, staff.subject, this.clock.now(), body.reason?.code ?? null],
      );
    });
    this.relay.poke();
    const [item] = await this.query(`l.case_id = $1`, [caseId]);
    if (!item) throw NOT_VISIBLE;
    return item;
  }

  /** The cases a leader is in charge of (the leader's own list: no territory filter, they are theirs). */
  list(leaderRef: string): Promise<LeaderCase[]> {
    return this.query(`l.leader_ref = $1`, [leaderRef]);
  }

  private async query(where: string, params: unknown[]): Promise<LeaderCase[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT ${CASE_LIST_COLUMNS}, l.assigned_at, l.assigned_by, l.unit_id AS leader_unit_id, l.leader_ref
       FROM leader_assignments l JOIN case_views v ON v.case_id = l.case_id WHERE ${where} ORDER BY l.assigned_at DESC LIMIT 500`,
      params,
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

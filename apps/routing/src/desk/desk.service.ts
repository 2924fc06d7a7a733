import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dispatchRefusal, isBureau } from '@sunshine/domain';
import {
  type CaseCore,
  caseCoreColumns,
  caseCoreOf,
  CaseReplicaStore,
  CaseVisibility,
  Clock,
  DeadlineContextSource,
  type ExpectedVersion,
  isoOf,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import type { RedispatchDto, RequireManualDispatchDto } from '../actions/unit-actions.dto';
import { type ActionResult, CaseActionRunner, type CaseTx } from '../cases/case-action.runner';
import { accusedUnit, authorityException, unknownUnit } from '../cases/unit-errors';
import { DirectoryCache } from '../directory/directory.cache';
import { ASSIGNMENT_FEEDBACK_DAYS, feedbackDue } from '../dispatch/routing-policy.service';
import { IntakeDossierClient } from '../documents/intake-dossier.client';

export interface DeskItem extends CaseCore {
  /** 事由 where the reader may read the case in full (intake answers for those alone, as for the inbox), else null. */
  readonly subject: string | null;
  /** objection-pending | objected-twice | objection-approved | no-rule-matched | rule-error | awaiting-dispatch … */
  readonly reason: string;
  /** 推诿: two objections were raised on the case. */
  readonly objectedTwice: boolean;
  /** Why: the latest objection's or the routing policy's words. */
  readonly detail: string | null;
  readonly dueAt: string | null;
  readonly version: number;
}

const DETAIL_TYPES = ['case.objection-raised', 'case.manual-dispatch-required'];

/** The bureau's manual dispatch desk: cases no rule settled, objections to decide, cases returned by an approved objection. */
@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: CaseActionRunner,
    private readonly store: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
    private readonly directory: DirectoryCache,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
    private readonly intake: IntakeDossierClient,
  ) {}

  async list(staff: StaffPrincipal, limit: number, offset: number): Promise<{ items: DeskItem[]; total: number }> {
    const m = this.dataSource.manager;
    const visibility = await this.visibility.sql(staff, 2, 'c', m);
    const from = `FROM routing_desk d JOIN case_replica c ON c.case_id = d.case_id WHERE d.unit_id = $1 AND ${visibility.visible}`;
    const params = [staff.unitId, ...visibility.params];
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT ${caseCoreColumns('c')}, d.reason, c.due_at, c.revision,
              coalesce((c.state #>> '{objections,count}')::int, 0) >= 2 AS objected_twice
         ${from} ORDER BY objected_twice DESC, c.due_at NULLS LAST, c.case_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [count] = await m.query<Array<{ n: string }>>(`SELECT count(*) AS n ${from}`, params);
    const subjects = await this.intake.subjects(
      rows.map((r) => String(r['case_id'])),
      staff.token,
    );
    const items: DeskItem[] = [];
    for (const r of rows) {
      const latest = (await this.store.history(m, String(r['case_id']), DETAIL_TYPES)).at(-1);
      const reason = (latest?.payload as { reason?: { code?: string; text?: string } } | undefined)?.reason;
      const core = caseCoreOf(r);
      items.push({
        ...core,
        subject: subjects.get(core.caseId) ?? null,
        reason: String(r['reason']),
        objectedTwice: Boolean(r['objected_twice']),
        detail: reason?.text ?? reason?.code ?? null,
        dueAt: isoOf(r['due_at']),
        version: Number(r['revision']),
      });
    }
    return { items, total: Number(count?.n ?? 0) };
  }

  /**
   * 人工分办: the bureau sends the case on (转送 or 交办 with the report's due date); a unit that registered a direct
   * petition it does not handle forwards it to the bureau of its level (dispatchAuthority).
   */
  dispatch(caseId: string, staff: StaffPrincipal, dto: RedispatchDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, (tx) => this.dispatchIn(tx, dto));
  }

  /** 人工分办要求: the bureau holding the case puts it on its desk for a person, with the reason (e.g. two competent units). */
  requireManual(caseId: string, staff: StaffPrincipal, dto: RequireManualDispatchDto, version: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, version, async (tx) => {
      if (!isBureau((await this.directory.current(tx.m)).get(staff.unitId))) throw authorityException('DESK_BUREAU_ONLY');
      await tx.run({ name: 'require-manual-dispatch', payload: { unitId: staff.unitId, reason: dto.reason } });
    });
  }

  async dispatchIn(tx: CaseTx, dto: RedispatchDto): Promise<void> {
    const directory = await this.directory.current(tx.m);
    const target = directory.get(dto.toUnitId);
    if (!target) throw unknownUnit(dto.toUnitId);
    const refusal = dispatchRefusal(tx.state, directory.get(tx.staff.unitId), target, dto.mode, directory);
    if (refusal) throw authorityException(refusal);
    if (tx.state.accusedUnitId === target.id) throw accusedUnit();
    const now = this.clock.now();
    await tx.run({
      name: 'dispatch',
      payload: {
        fromUnitId: tx.staff.unitId,
        toUnitId: target.id,
        mode: dto.mode,
        feedbackDueAt:
          dto.mode === 'assign'
            ? feedbackDue(now, dto.feedbackDays ?? ASSIGNMENT_FEEDBACK_DAYS, tx.state.placeCode, this.deadlines.current()).dueAt
            : undefined,
        rule: { id: 'manual-desk', version: 0 },
        reasons: [`人工分办（${dto.reason.code}）：${dto.reason.text}`.slice(0, 200)],
        hop: (tx.state.lastDispatch?.hop ?? 0) + 1,
      },
    });
  }
}

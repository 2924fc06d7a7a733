import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CASE_NOT_FOUND,
  CaseCommands,
  CaseEmitter,
  CaseLists,
  Clock,
  DomainException,
  isoOf,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { responsibleUnit } from '../shared/responsible-unit';
import { BacklogService } from './backlog.service';

export interface BacklogView {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly caseStatus: string | null;
  readonly unitId: string;
  readonly status: 'registered' | 'cleared';
  readonly reasonCode: string;
  readonly plan: string | null;
  readonly planDueDate: string | null;
  readonly registeredAt: string;
  readonly clearedAt: string | null;
}

export interface PlanInput {
  readonly plan: string;
  readonly planDueDate?: string;
  readonly unitId?: string;
}

/** A change to the plan: only the fields named change; `planDueDate: null` clears the date. */
export interface PlanUpdate {
  readonly plan?: string;
  readonly planDueDate?: string | null;
  readonly unitId?: string;
}

const PLAN_COLUMNS = { plan: 'plan', planDueDate: 'plan_due_date', unitId: 'unit_id' } as const;

/** The SET list and parameters of a plan update ($1 is the case id): the named fields and the time of the change. */
export function planUpdateSql(update: PlanUpdate, now: Date): { set: string; params: unknown[] } {
  const params: unknown[] = [];
  const sets: string[] = [];
  for (const [field, column] of Object.entries(PLAN_COLUMNS) as Array<[keyof PlanUpdate, string]>) {
    if (update[field] === undefined) continue;
    params.push(update[field]);
    sets.push(`${column} = $${params.length + 1}`);
  }
  params.push(now);
  sets.push(`plan_updated_at = $${params.length + 1}`);
  return { set: sets.join(', '), params };
}

const BACKLOG_SELECT = `SELECT b.*, v.case_number, v.status AS case_status FROM backlog_cases b JOIN case_replica v ON v.case_id = b.case_id`;

/** The backlog register as people use it: list it, register a case by hand with a plan, update the plan. */
@Injectable()
export class BacklogRegisterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly backlog: BacklogService,
    private readonly commands: CaseCommands,
    private readonly lists: CaseLists,
    private readonly emitter: CaseEmitter,
    private readonly clock: Clock,
  ) {}

  async list(staff: StaffPrincipal, status: 'registered' | 'cleared' | undefined): Promise<BacklogView[]> {
    const rows = await (
      await this.lists.visibleTo(staff)
    )
      .whereGiven(status, (p) => `b.status = ${p}`)
      .rows(BACKLOG_SELECT, 'b.registered_at', { limit: 1000 });
    return rows.map((r) => this.viewOf(r));
  }

  async registerByHand(
    staff: StaffPrincipal,
    caseId: string,
    body: PlanInput & { reason: { code: string; text?: string } },
  ): Promise<BacklogView> {
    await this.commands.act(caseId, staff, {}, async (tx) => {
      const done = await this.backlog.register(tx.m, tx.current, {
        unitId: responsibleUnit(body.unitId, tx.state),
        reason: body.reason,
        plan: body.plan,
        planDueDate: body.planDueDate,
        by: staff.subject,
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
      });
      if (!done)
        throw new DomainException('ALREADY_BACKLOG', 'conflict', {
          zh: '该事项已列入积案',
          en: 'the case is already on the backlog register',
        });
    });
    this.emitter.poke();
    return this.view(caseId);
  }

  /**
   * The plan (化解方案), its due date and the responsible unit; the responsible unit or an overseeing bureau may change
   * them. Only what the update names changes (a plan sent without its date keeps the date).
   */
  async updatePlan(staff: StaffPrincipal, caseId: string, body: PlanUpdate): Promise<BacklogView> {
    await this.commands.act(caseId, staff, {}, async ({ m }) => {
      const [row] = await m.query<Array<{ status: string }>>(`SELECT status FROM backlog_cases WHERE case_id = $1 FOR UPDATE`, [caseId]);
      if (row?.status !== 'registered')
        throw new DomainException('NOT_BACKLOG', 'not-found', { zh: '该事项不在积案台账中', en: 'the case is not on the register' });
      const { set, params } = planUpdateSql(body, this.clock.now());
      await m.query(`UPDATE backlog_cases SET ${set} WHERE case_id = $1`, [caseId, ...params]);
    });
    return this.view(caseId);
  }

  private async view(caseId: string): Promise<BacklogView> {
    const [row] = await this.dataSource.query<Array<Record<string, unknown>>>(`${BACKLOG_SELECT} WHERE b.case_id = $1`, [caseId]);
    if (!row) throw CASE_NOT_FOUND;
    return this.viewOf(row);
  }

  private viewOf(r: Record<string, unknown>): BacklogView {
    return {
      caseId: String(r['case_id']),
      caseNumber: (r['case_number'] as string | null) ?? null,
      caseStatus: (r['case_status'] as string | null) ?? null,
      unitId: String(r['unit_id']),
      status: r['status'] as 'registered' | 'cleared',
      reasonCode: String(r['reason_code']),
      plan: (r['plan'] as string | null) ?? null,
      planDueDate: (r['plan_due_date'] as string | null) ?? null,
      registeredAt: isoOf(r['registered_at']) ?? '',
      clearedAt: isoOf(r['cleared_at']),
    };
  }
}

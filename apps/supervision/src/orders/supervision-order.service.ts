import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, Reason, SupervisionTrigger } from '@sunshine/contracts';
import { issuerDeadline } from '@sunshine/domain';
import {
  CaseEmitter,
  CaseLists,
  Clock,
  DeadlineContextSource,
  type Emission,
  type ReplicaCase,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { orderNotFound } from './order.exception';
import { ORDER_SELECT, type OrderView, orderViewOf } from './order-row';

export interface IssueOrder {
  readonly unitId: string;
  readonly byUnitId: string;
  readonly trigger: SupervisionTrigger;
  readonly answerDays: number;
  readonly reason: Reason;
  /** Staff subject, or the policy's name. */
  readonly issuedBy: string;
  /** One order per case and source (a manual issue, or the event that triggered the policy). */
  readonly sourceKey: string;
  readonly actor: Actor;
  readonly causedBy?: { readonly id: string; readonly correlationId: string };
}

const DAY_MS = 86_400_000;

/** Supervision orders (督办单, 《信访工作条例》第40条): issued, answered in writing by a date, escalated when ignored. */
@Injectable()
export class SupervisionOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly emitter: CaseEmitter,
    private readonly lists: CaseLists,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues an order on a case whose replica row the caller has locked (`current`). Returns the refusal of decide
   * (nothing written), or null when this source already issued one.
   */
  async issue(m: EntityManager, current: ReplicaCase, o: IssueOrder): Promise<{ orderId: string } | Emission | null> {
    const state = current.state;
    const caseId = state.caseId ?? '';
    const existing = await m.query<unknown[]>(`SELECT 1 FROM supervision_orders WHERE case_id = $1 AND source_key = $2`, [
      caseId,
      o.sourceKey,
    ]);
    if (existing.length > 0) return null;
    const now = this.clock.now();
    // Counted like every period at the case's place, with the policies in force; provisional in a year not yet published
    // (the ledger's answer clock keeps the flag and recounts it when the year arrives).
    const answerDueAt = issuerDeadline('supervision-order-answer', now, o.answerDays, {
      ...this.deadlines.current(),
      divisionCode: state.placeCode,
    }).dueAt;
    const orderId = uuidv7();
    const payload = { orderId, unitId: o.unitId, byUnitId: o.byUnitId, trigger: o.trigger, answerDueAt, reason: o.reason };
    const result = await this.emitter.attempt(
      m,
      caseId,
      current,
      { name: 'issue-supervision-order', payload },
      {
        actor: o.actor,
        causedBy: o.causedBy,
      },
    );
    if (!result.ok) return result;
    await m.query(
      `INSERT INTO supervision_orders (id, case_id, unit_id, by_unit_id, trigger, source_key, reason_code, reason_text, issued_by,
         issued_at, answer_due_at, status, supervising_unit_id, next_escalation_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $4, $12)`,
      [
        orderId,
        caseId,
        o.unitId,
        o.byUnitId,
        o.trigger,
        o.sourceKey,
        o.reason.code,
        o.reason.text ?? null,
        o.issuedBy,
        now,
        answerDueAt,
        new Date(now.getTime() + this.config.escalation.escalateAfterDays * DAY_MS),
      ],
    );
    return { orderId };
  }

  async view(orderId: string, m: EntityManager = this.dataSource.manager): Promise<OrderView> {
    const [row] = await m.query<Array<Record<string, unknown>>>(`${ORDER_SELECT} WHERE o.id = $1`, [orderId]);
    if (!row) throw orderNotFound();
    return orderViewOf(row, this.clock.now());
  }

  /** Orders the caller's unit issued, follows or received, on cases the one visibility rule lets it see. */
  async list(
    staff: StaffPrincipal,
    q: { direction: 'issued' | 'received'; status?: 'open' | 'answered' | 'overdue'; caseId?: string },
  ): Promise<OrderView[]> {
    const query = (await this.lists.visibleTo(staff))
      .where((p) => (q.direction === 'issued' ? `(o.by_unit_id = ${p} OR o.supervising_unit_id = ${p})` : `o.unit_id = ${p}`), staff.unitId)
      .whereGiven(q.caseId, (p) => `o.case_id = ${p}`);
    if (q.status === 'answered') query.where(`o.status = 'answered'`);
    if (q.status === 'open') query.where((p) => `o.status = 'open' AND o.answer_due_at > ${p}`, this.clock.now());
    if (q.status === 'overdue') query.where((p) => `o.status = 'open' AND o.answer_due_at <= ${p}`, this.clock.now());
    const rows = await query.rows(ORDER_SELECT, 'o.issued_at DESC', { limit: 500 });
    const now = this.clock.now();
    return rows.map((r) => orderViewOf(r, now));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Reason, SupervisionTrigger } from '@sunshine/contracts';
import {
  CaseCommands,
  CaseEmitter,
  CaseReplicaStore,
  CaseVisibility,
  Clock,
  type ReplicaCase,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { responsibleUnit } from '../shared/responsible-unit';
import { orderAlreadyAnswered, orderNotFound, orderRefused } from './order.exception';
import { OrderParties } from './order-parties.service';
import type { OrderView } from './order-row';
import { SupervisionOrderService } from './supervision-order.service';

export interface IssueByHand {
  readonly unitId?: string;
  readonly trigger: SupervisionTrigger;
  readonly answerDays: number;
  readonly reason: Reason;
}

/** What people do with orders: a bureau issues one by hand and chases it (催办); the ordered unit answers in writing. */
@Injectable()
export class OrderActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: SupervisionOrderService,
    private readonly parties: OrderParties,
    private readonly commands: CaseCommands,
    private readonly visibility: CaseVisibility,
    private readonly cases: CaseReplicaStore,
    private readonly emitter: CaseEmitter,
    private readonly clock: Clock,
  ) {}

  /**
   * A bureau's order by hand on a case it sees (on an accusation: the discipline chain's, issue 17), to a unit of the
   * directory that may see the case (OrderParties).
   */
  async issueByHand(staff: StaffPrincipal, caseId: string, body: IssueByHand): Promise<OrderView> {
    const { result: orderId } = await this.commands.act(caseId, staff, {}, async (tx) => {
      await this.parties.assertActor(staff, tx.current.facts, { zh: '发出督办单', en: 'issues supervision orders' }, true, tx.m);
      const unitId = responsibleUnit(body.unitId, tx.state);
      const refused = await this.parties.refusal(tx.current.facts, unitId, staff.unitId, tx.m);
      if (refused) throw refused;
      const result = await this.orders.issue(tx.m, tx.current, {
        unitId,
        byUnitId: staff.unitId,
        trigger: body.trigger,
        answerDays: body.answerDays,
        reason: body.reason,
        issuedBy: staff.subject,
        sourceKey: `manual:${uuidv7()}`,
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
      });
      if (result === null || !('orderId' in result)) throw orderRefused(result);
      return result.orderId;
    });
    this.emitter.poke();
    return this.orders.view(orderId);
  }

  async answer(staff: StaffPrincipal, orderId: string, body: { summary: string; answerRef?: string }): Promise<OrderView> {
    await this.dataSource.transaction(async (m) => {
      const order = await this.ownOrder(m, staff, orderId, (o) => o.unit_id === staff.unitId);
      if (order.status !== 'open') throw orderAlreadyAnswered();
      const answerRef = body.answerRef ?? `supervision:order-answer:${orderId}`;
      const payload = { orderId, unitId: order.unit_id, byUnitId: order.by_unit_id, answerRef };
      await this.emitter.emit(
        m,
        order.case_id,
        order.case,
        { name: 'answer-supervision-order', payload },
        {
          actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
        },
      );
      await m.query(
        `UPDATE supervision_orders SET status = 'answered', answered_at = $2, answered_by = $3, answer_ref = $4, answer_summary = $5,
           next_escalation_at = NULL WHERE id = $1`,
        [orderId, this.clock.now(), staff.subject, answerRef, body.summary],
      );
    });
    this.emitter.poke();
    return this.orders.view(orderId);
  }

  /**
   * 催办: the issuing (or escalated-to) bureau chases an open order; recorded on the order and on the case log
   * (`case.supervision-order-reminded`: notification tells the ordered unit).
   */
  async remind(staff: StaffPrincipal, orderId: string, note: string | undefined): Promise<OrderView> {
    await this.dataSource.transaction(async (m) => {
      const order = await this.ownOrder(m, staff, orderId, (o) => o.by_unit_id === staff.unitId || o.supervising_unit_id === staff.unitId);
      if (order.status !== 'open') throw orderAlreadyAnswered();
      const reminderId = uuidv7();
      const payload = {
        orderId,
        unitId: order.unit_id,
        byUnitId: staff.unitId,
        reminderId,
        ...(note?.trim() ? { note: note.trim() } : {}),
      };
      await this.emitter.emit(
        m,
        order.case_id,
        order.case,
        { name: 'remind-supervision-order', payload },
        {
          actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
        },
      );
      await m.query(`INSERT INTO order_reminders (id, order_id, by_unit_id, by_staff, note, reminded_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        reminderId,
        orderId,
        staff.unitId,
        staff.subject,
        note ?? null,
        this.clock.now(),
      ]);
    });
    this.emitter.poke();
    return this.orders.view(orderId);
  }

  /**
   * The order (locked after its case's row, the lock order of every writer), when `mine` says the caller may act on it
   * and the one visibility rule lets it see the case (on an accusation: fully, the discipline chain); otherwise the same
   * 404 as for an order that does not exist.
   */
  private async ownOrder(
    m: EntityManager,
    staff: StaffPrincipal,
    orderId: string,
    mine: (o: OrderRow) => boolean,
  ): Promise<OrderRow & { case: ReplicaCase }> {
    const [found] = await m.query<OrderRow[]>(`SELECT case_id FROM supervision_orders WHERE id = $1`, [orderId]);
    const current = found ? await this.cases.lock(m, found.case_id) : null;
    const [order] = await m.query<OrderRow[]>(`SELECT * FROM supervision_orders WHERE id = $1 FOR UPDATE`, [orderId]);
    if (!order || !current || !mine(order)) throw orderNotFound();
    const access = await this.visibility.access(staff, current.facts, m);
    if (access === 'none' || (current.facts.confidential && access !== 'full')) throw orderNotFound();
    return { ...order, case: current };
  }
}

interface OrderRow {
  case_id: string;
  unit_id: string;
  by_unit_id: string;
  supervising_unit_id: string;
  status: string;
}

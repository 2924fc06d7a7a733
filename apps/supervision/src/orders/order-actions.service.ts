import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Reason, SupervisionTrigger } from '@sunshine/contracts';
import { Clock, DomainException, OutboxRelay, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CaseViewStore } from '../city-view/case-view.store';
import { CaseEmitter } from '../shared/case-emitter.service';
import { NOT_VISIBLE, VisibilityService } from '../shared/visibility.service';
import { orderNotFound, SupervisionOrderService } from './supervision-order.service';
import type { OrderView } from './order-row';
import { SupervisingBureauService } from './supervising-bureau.service';

export interface IssueByHand {
  readonly unitId?: string;
  readonly trigger: SupervisionTrigger;
  readonly answerDays: number;
  readonly reason: Reason;
}

const ALREADY_ANSWERED = new DomainException('ORDER_ALREADY_ANSWERED', 'conflict', { zh: '该督办单已回复', en: 'the order was already answered' });

/** What people do with orders: a bureau issues one by hand and chases it (催办); the ordered unit answers in writing. */
@Injectable()
export class OrderActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: SupervisionOrderService,
    private readonly bureaus: SupervisingBureauService,
    private readonly visibility: VisibilityService,
    private readonly cases: CaseViewStore,
    private readonly emitter: CaseEmitter,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  async issueByHand(staff: StaffPrincipal, caseId: string, body: IssueByHand): Promise<OrderView> {
    if (!(await this.bureaus.isBureau(staff.unitId))) {
      throw new DomainException('BUREAU_ONLY', 'forbidden', { zh: '只有信访部门可以发出督办单', en: 'only a petition bureau issues supervision orders' });
    }
    const scope = await this.visibility.scopeOf(staff);
    const orderId = await this.dataSource.transaction(async (m) => {
      const filter = this.visibility.sql(scope, 2);
      const visible = await m.query<unknown[]>(`SELECT 1 FROM case_views v WHERE v.case_id = $1 AND ${filter.clause}`, [caseId, ...filter.params]);
      const state = visible.length > 0 ? await this.cases.lock(m, caseId) : null;
      if (!state) throw NOT_VISIBLE;
      const unitId = body.unitId ?? state.holdingUnitId;
      if (!unitId) throw new DomainException('NO_UNIT', 'unprocessable', { zh: '该事项尚无承办单位', en: 'the case has no unit to order' });
      const result = await this.orders.issue(m, state, {
        unitId,
        byUnitId: staff.unitId,
        trigger: body.trigger,
        answerDays: body.answerDays,
        reason: body.reason,
        issuedBy: staff.subject,
        sourceKey: `manual:${uuidv7()}`,
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
      });
      if (result === null || !('orderId' in result)) throw refused(result);
      return result.orderId;
    });
    this.relay.poke();
    return this.orders.view(orderId);
  }

  async answer(staff: StaffPrincipal, orderId: string, body: { summary: string; answerRef?: string }): Promise<OrderView> {
    await this.dataSource.transaction(async (m) => {
      const order = await this.ownOrder(m, orderId, (o) => o.unit_id === staff.unitId);
      if (order.status !== 'open') throw ALREADY_ANSWERED;
      const answerRef = body.answerRef ?? `supervision:order-answer:${orderId}`;
      const payload = { orderId, unitId: order.unit_id, byUnitId: order.by_unit_id, answerRef };
      const result = await this.emitter.emit(m, order.state, { name: 'answer-supervision-order', payload }, {
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
        unitId: staff.unitId,
      });
      if (!result.ok) throw refused(result);
      await m.query(
        `UPDATE supervision_orders SET status = 'answered', answered_at = $2, answered_by = $3, answer_ref = $4, answer_summary = $5,
           next_escalation_at = NULL WHERE id = $1`,
        [orderId, this.clock.now(), staff.subject, answerRef, body.summary],
      );
    });
    this.relay.poke();
    return this.orders.view(orderId);
  }

  /** 催办: the issuing (or escalated-to) bureau chases an open order; recorded on the order. */
  async remind(staff: StaffPrincipal, orderId: string, note: string | undefined): Promise<OrderView> {
    await this.dataSource.transaction(async (m) => {
      const order = await this.ownOrder(m, orderId, (o) => o.by_unit_id === staff.unitId || o.supervising_unit_id === staff.unitId);
      if (order.status !== 'open') throw ALREADY_ANSWERED;
      await m.query(
        `INSERT INTO order_reminders (id, order_id, by_unit_id, by_staff, note, reminded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [uuidv7(), orderId, staff.unitId, staff.subject, note ?? null, this.clock.now()],
      );
    });
    return this.orders.view(orderId);
  }

  /** The order (locked after its case's row, the lock order of every writer), when `mine` says the caller may act on it. */
  private async ownOrder(m: EntityManager, orderId: string, mine: (o: OrderRow) => boolean) {
    const [found] = await m.query<OrderRow[]>(`SELECT case_id FROM supervision_orders WHERE id = $1`, [orderId]);
    const state = found ? await this.cases.lock(m, found.case_id) : null;
    const [order] = await m.query<OrderRow[]>(`SELECT * FROM supervision_orders WHERE id = $1 FOR UPDATE`, [orderId]);
    if (!order || !state || !mine(order)) throw orderNotFound();
    return { ...order, state };
  }
}

interface OrderRow {
  case_id: string;
  unit_id: string;
  by_unit_id: string;
  supervising_unit_id: string;
  status: string;
}

function refused(result: { ok: false; error: { code: string; message: { zh: string; en: string } } } | null | { ok: true }): DomainException {
  if (result === null || result.ok) {
    return new DomainException('ORDER_EXISTS', 'conflict', { zh: '督办单已发出', en: 'the order was already issued' });
  }
  return new DomainException(result.error.code, 'conflict', result.error.message);
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEmitter, CaseReplicaStore, Clock } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { OrderParties } from './order-parties.service';

const DAY_MS = 86_400_000;
const POLICY = { kind: 'system' as const, id: 'escalation-policy' };

interface DueOrder {
  id: string;
  case_id: string;
  unit_id: string;
  supervising_unit_id: string;
  escalation_step: number;
  status: string;
  next_escalation_at: Date | null;
}

/**
 * Escalation by policy (提级督办, 《信访工作条例》第24、39、40条): an order still unanswered `escalateAfterDays` after it
 * went out goes to the bureau of the level above (case.escalated), and again after as many days, up to `maxSteps`. On an
 * accusation it goes up the discipline chain instead, and stops where the chain has no organ above (OrderParties).
 */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly parties: OrderParties,
    private readonly cases: CaseReplicaStore,
    private readonly emitter: CaseEmitter,
    private readonly clock: Clock,
  ) {}

  async scan(): Promise<number> {
    const now = this.clock.now();
    const due = await this.dataSource.query<Array<{ id: string; case_id: string }>>(
      `SELECT id, case_id FROM supervision_orders WHERE status = 'open' AND next_escalation_at <= $1 ORDER BY next_escalation_at LIMIT 100`,
      [now],
    );
    let escalated = 0;
    for (const order of due) {
      if (await this.dataSource.transaction((m) => this.escalate(m, order.id, order.case_id, now))) escalated++;
    }
    if (escalated > 0) this.emitter.poke();
    return escalated;
  }

  private async escalate(m: EntityManager, orderId: string, caseId: string, now: Date): Promise<boolean> {
    const current = await this.cases.lock(m, caseId);
    const [order] = await m.query<DueOrder[]>(`SELECT * FROM supervision_orders WHERE id = $1 FOR UPDATE`, [orderId]);
    if (!current || !order || order.status !== 'open' || !order.next_escalation_at || order.next_escalation_at > now) return false;
    const step = order.escalation_step + 1;
    const to = await this.parties.escalationTargetOf(order.supervising_unit_id, current.facts, m);
    const stop = () => m.query(`UPDATE supervision_orders SET next_escalation_at = NULL WHERE id = $1`, [orderId]);
    if (to === null || step > this.config.escalation.maxSteps) {
      await stop();
      return false;
    }
    const payload = {
      unitId: order.unit_id,
      fromUnitId: order.supervising_unit_id,
      toUnitId: to,
      policyStep: step,
      reason: { code: 'order-unanswered', text: `督办单逾期未回复，提级督办（第${step}级）` },
    };
    const result = await this.emitter.attempt(m, caseId, current, { name: 'escalate', payload }, { actor: POLICY });
    if (!result.ok) {
      this.logger.log(`order ${orderId}: not escalated (${result.error.code}); escalation stops`);
      await stop();
      return false;
    }
    await m.query(
      `INSERT INTO escalations (id, case_id, order_id, unit_id, from_unit_id, to_unit_id, policy_step, reason_code, event_id, escalated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [uuidv7(), caseId, orderId, order.unit_id, order.supervising_unit_id, to, step, payload.reason.code, result.events[0]?.id, now],
    );
    const next =
      step < this.config.escalation.maxSteps ? new Date(now.getTime() + this.config.escalation.escalateAfterDays * DAY_MS) : null;
    await m.query(`UPDATE supervision_orders SET escalation_step = $2, supervising_unit_id = $3, next_escalation_at = $4 WHERE id = $1`, [
      orderId,
      step,
      to,
      next,
    ]);
    return true;
  }
}

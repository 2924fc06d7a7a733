import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AnyEvent, Reason, SupervisionTrigger } from '@sunshine/contracts';
import type { CaseState } from '@sunshine/domain';
import { CaseReplicaStore } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { OrderParties } from './order-parties.service';
import { SupervisionOrderService } from './supervision-order.service';

interface Trigger {
  readonly unitId: string;
  readonly byUnitId: string | null;
  readonly trigger: SupervisionTrigger;
  readonly sourceKey: string;
  readonly reason: Reason;
}

const POLICY = { kind: 'system' as const, id: 'escalation-policy' };

/**
 * The escalation policy's first step (督办, Art 40): a supervision order goes out by itself when a duty clock runs
 * out (拖延), when a case is objected twice (推诿), or when the handling unit is rated 不满意 (敷衍). It comes from the
 * unit's supervising bureau, on an accusation from the discipline organ above (OrderParties).
 */
@Injectable()
export class SupervisionPolicyService {
  private readonly logger = new Logger(SupervisionPolicyService.name);

  constructor(
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly parties: OrderParties,
    private readonly orders: SupervisionOrderService,
    private readonly cases: CaseReplicaStore,
  ) {}

  async onEvent(m: EntityManager, event: AnyEvent, before: CaseState, after: CaseState): Promise<void> {
    const trigger = this.triggerOf(event, before, after);
    if (!trigger) return;
    if (!event.caseId) return;
    // The case as the replica holds it now (the event is folded; a reaction before this one may have emitted more).
    const current = await this.cases.read(m, event.caseId);
    if (!current) return;
    // On an accusation the discipline organ above orders, never a bureau (issue 17); no order when the chain has none.
    const byUnitId = await this.parties.supervisorOf(trigger.unitId, current.facts, trigger.byUnitId, m);
    if (!byUnitId || byUnitId === trigger.unitId) return;
    const refused = await this.parties.refusal(current.facts, trigger.unitId, byUnitId, m);
    if (refused) {
      this.logger.log(`case ${event.caseId}: no ${trigger.trigger} order (${refused.code})`);
      return;
    }
    const result = await this.orders.issue(m, current, {
      unitId: trigger.unitId,
      byUnitId,
      trigger: trigger.trigger,
      answerDays: this.config.escalation.orderAnswerDays,
      reason: trigger.reason,
      issuedBy: POLICY.id,
      sourceKey: trigger.sourceKey,
      actor: { ...POLICY, unitId: byUnitId },
      causedBy: { id: event.id, correlationId: event.correlationId },
    });
    if (result !== null && 'ok' in result && !result.ok) {
      this.logger.log(`case ${event.caseId ?? '?'}: no ${trigger.trigger} order (${result.error.code})`);
    }
  }

  private triggerOf(event: AnyEvent, before: CaseState, after: CaseState): Trigger | null {
    const policy = this.config.escalation;
    if (event.type === 'case.overdue' && policy.orderOnOverdue.includes(event.payload.clock)) {
      const p = event.payload;
      return {
        unitId: p.unitId,
        byUnitId: null,
        trigger: 'overdue',
        sourceKey: `overdue:${event.id}`,
        reason: { code: 'clock-overdue', text: `${p.clock}超期（${p.article}）`.slice(0, 200) },
      };
    }
    const n = policy.buckPassingObjections;
    if (event.type === 'case.objection-raised' && before.objections.count < n && after.objections.count >= n) {
      return {
        unitId: event.payload.unitId,
        byUnitId: event.payload.bureauUnitId,
        trigger: 'buck-passing',
        sourceKey: 'buck-passing',
        reason: { code: 'objected-twice', text: `同一事项被提出异议${after.objections.count}次（推诿）` },
      };
    }
    if (event.type === 'petition.rated' && policy.orderOnDissatisfied && event.payload.score === 'dissatisfied' && event.payload.subject === 'handling-unit') {
      return {
        unitId: event.payload.unitId,
        byUnitId: null,
        trigger: 'perfunctory',
        sourceKey: `dissatisfied:${event.payload.stage}`,
        reason: { code: 'rated-dissatisfied', text: '信访人评价不满意' },
      };
    }
    return null;
  }
}

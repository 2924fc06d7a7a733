import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AnyEvent, Reason, SupervisionTrigger } from '@sunshine/contracts';
import type { CaseState } from '@sunshine/domain';
import { CaseReplicaStore, type ReplicaCase } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { DissatisfactionPolicyService } from './dissatisfaction-policy.service';
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
 * out (拖延) or when a case is objected twice (推诿). It comes from the unit's supervising bureau, on an accusation from
 * the discipline organ above (OrderParties). A 不满意 rating of the handling unit is no finding of perfunctory handling:
 * what follows is the jurisdiction's dissatisfaction policy (by default the bureau is asked to review it, no label).
 */
@Injectable()
export class SupervisionPolicyService {
  private readonly logger = new Logger(SupervisionPolicyService.name);

  constructor(
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly parties: OrderParties,
    private readonly orders: SupervisionOrderService,
    private readonly cases: CaseReplicaStore,
    private readonly dissatisfaction: DissatisfactionPolicyService,
  ) {}

  async onEvent(m: EntityManager, event: AnyEvent, before: CaseState, after: CaseState): Promise<void> {
    if (!event.caseId) return;
    const trigger = this.triggerOf(event, before, after);
    const rated =
      event.type === 'petition.rated' && event.payload.score === 'dissatisfied' && event.payload.subject === 'handling-unit' ? event : null;
    if (!trigger && !rated) return;
    // The case as the replica holds it now (the event is folded; a reaction before this one may have emitted more).
    const current = await this.cases.read(m, event.caseId);
    if (!current) return;
    if (trigger) return this.order(m, event, current, trigger);
    if (rated) return this.onDissatisfied(m, rated, current);
  }

  /** 不满意: the jurisdiction's policy at the case's place decides: flag it for the bureau's review, order, or nothing. */
  private async onDissatisfied(
    m: EntityManager,
    event: Extract<AnyEvent, { type: 'petition.rated' }>,
    current: ReplicaCase,
  ): Promise<void> {
    const policy = await this.dissatisfaction.at(m, current.state.placeCode);
    const p = event.payload;
    if (policy.response === 'none') return;
    if (policy.response === 'order' && policy.trigger) {
      const reason = { code: 'rated-dissatisfied', text: '信访人评价不满意（按辖区规则督办）' };
      return this.order(m, event, current, {
        unitId: p.unitId,
        byUnitId: null,
        trigger: policy.trigger,
        sourceKey: `dissatisfied:${p.stage}`,
        reason,
      });
    }
    const bureauUnitId = await this.parties.supervisorOf(p.unitId, current.facts, null, m);
    if (!bureauUnitId || bureauUnitId === p.unitId || !event.caseId) return;
    await this.dissatisfaction.raiseReview(m, {
      caseId: event.caseId,
      stage: p.stage,
      unitId: p.unitId,
      bureauUnitId,
      ratedEventId: event.id,
    });
  }

  private async order(m: EntityManager, event: AnyEvent, current: ReplicaCase, trigger: Trigger): Promise<void> {
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
    return null;
  }
}

import { Injectable } from '@nestjs/common';
import type { DispatchMode } from '@sunshine/contracts';
import {
  DEFAULT_ROUTING_RULE_SET,
  deadlineFor,
  routePetition,
  type CaseState,
  type OrgDirectory,
  type RoutingRuleSet,
} from '@sunshine/domain';

/** Default days a bureau gives for the completion report of a 交办 case (the bureau may set others per rule). */
const ASSIGNMENT_FEEDBACK_DAYS = 30;

export type RoutingOutcome =
  | {
      kind: 'dispatch';
      unitId: string;
      mode: DispatchMode;
      feedbackDueAt?: string;
      ruleId: string;
      ruleVersion: number;
      reasons: string[];
    }
  | { kind: 'manual'; reasons: string[] };

/** Applies the domain's routing policy (pure) to a case at a bureau, with the rule set in force. */
@Injectable()
export class RoutingPolicyService {
  private ruleSet: RoutingRuleSet = DEFAULT_ROUTING_RULE_SET;

  decide(state: CaseState, bureauId: string, directory: OrgDirectory, now: Date = new Date()): RoutingOutcome {
    if (!state.type || !state.category || !state.placeCode || !state.receivingUnitId || !state.channel) {
      return { kind: 'manual', reasons: ['登记信息不完整，需人工分办 (registration facts incomplete)'] };
    }
    const decision = routePetition({
      facts: {
        type: state.type,
        category: state.category,
        placeCode: state.placeCode,
        accusedUnitId: state.accusedUnitId ?? undefined,
        receivingUnitId: state.receivingUnitId,
        channel: state.channel,
      },
      currentUnitId: bureauId,
      directory,
      ruleSet: this.ruleSet,
    });
    if (decision.manual) return { kind: 'manual', reasons: decision.reasons };
    const feedbackDueAt =
      decision.mode === 'assign'
        ? deadlineFor('assignment-feedback', { startAt: now, amount: ASSIGNMENT_FEEDBACK_DAYS }, { divisionCode: state.placeCode }).dueAt
        : undefined;
    return {
      kind: 'dispatch',
      unitId: decision.unitId,
      mode: decision.mode,
      feedbackDueAt,
      ruleId: decision.rule.id,
      ruleVersion: decision.rule.version,
      reasons: decision.reasons,
    };
  }
}

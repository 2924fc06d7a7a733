import { Injectable } from '@nestjs/common';
import type { DispatchMode } from '@sunshine/contracts';
import {
  type CaseState,
  type IssuerDeadline,
  issuerDeadline,
  type OrgDirectory,
  petitionFactsOf,
  routePetition,
  type RoutingRuleSet,
} from '@sunshine/domain';
import { DeadlineContextSource, type DeadlineReference } from '@sunshine/platform';

/** Default days a bureau gives for the completion report of a 交办 case (the bureau may set others per rule). */
export const ASSIGNMENT_FEEDBACK_DAYS = 30;

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

/** 交办: the completion report's due, `days` after now at the case's place (Art 22: the bureau sets it). */
export function feedbackDue(now: Date, days: number, placeCode: string | null, reference: DeadlineReference): IssuerDeadline {
  return issuerDeadline('assignment-feedback', now, days, { ...reference, divisionCode: placeCode });
}

/** Applies the domain's routing policy (pure) to a case at a bureau, with the rule set in force. */
@Injectable()
export class RoutingPolicyService {
  constructor(private readonly deadlines: DeadlineContextSource) {}

  decide(state: CaseState, bureauId: string, directory: OrgDirectory, ruleSet: RoutingRuleSet, now: Date): RoutingOutcome {
    const facts = petitionFactsOf(state);
    if (!facts) return { kind: 'manual', reasons: ['登记信息不完整，需人工分办 (registration facts incomplete)'] };
    const decision = routePetition({ facts, currentUnitId: bureauId, directory, ruleSet });
    if (decision.manual) return { kind: 'manual', reasons: decision.reasons };
    return {
      kind: 'dispatch',
      unitId: decision.unitId,
      mode: decision.mode,
      feedbackDueAt:
        decision.mode === 'assign'
          ? feedbackDue(now, ASSIGNMENT_FEEDBACK_DAYS, state.placeCode, this.deadlines.current()).dueAt
          : undefined,
      ruleId: decision.rule.id,
      ruleVersion: decision.rule.version,
      reasons: decision.reasons,
    };
  }
}

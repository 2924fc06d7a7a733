import type { CategoryCode, DispatchMode, OrgUnitSnapshot, UnitId } from '@sunshine/contracts';

import type { OrgDirectory } from '../org';
import type { PetitionFacts } from './petition-facts';

/** What a rule sees: the case's facts, the bureau applying the policy, the directory. */
export interface RuleContext {
  facts: PetitionFacts;
  bureau: OrgUnitSnapshot;
  directory: OrgDirectory;
  labelOf: (category: CategoryCode) => string;
}

/** A rule's verdict: send, hand to a person, or not mine (the next rule looks). */
export type RuleOutcome =
  | { outcome: 'dispatch'; unitId: UnitId; mode: DispatchMode; reasons: string[] }
  | { outcome: 'manual'; reasons: string[] }
  | { outcome: 'pass' };

export const pass: RuleOutcome = { outcome: 'pass' };

export function manual(...reasons: string[]): RuleOutcome {
  return { outcome: 'manual', reasons };
}

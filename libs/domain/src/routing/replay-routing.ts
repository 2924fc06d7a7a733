import type { CategoryCode, UnitId } from '@sunshine/contracts';

import type { OrgDirectory } from '../org';
import type { PetitionFacts } from './petition-facts';
import { routePetition } from './route-petition';
import type { RoutingDecision } from './routing-decision';
import type { RoutingRuleSet } from './routing-rule-set';

export interface RoutingCase {
  caseId: string;
  facts: PetitionFacts;
  /** The bureau whose decision is replayed. */
  currentUnitId: UnitId;
}

export type DecisionField = 'manual' | 'unit' | 'mode' | 'clock' | 'rule';

export interface RoutingChange {
  caseId: string;
  before: RoutingDecision;
  after: RoutingDecision;
  /** What differs; a change of the matched rule alone (same unit, mode, clock) is not listed as a change. */
  fields: DecisionField[];
}

export interface ReplayReport {
  from: { id: string; version: number };
  to: { id: string; version: number };
  total: number;
  unchanged: number;
  changed: RoutingChange[];
}

/** Which decisions would change if rule set `to` replaced `from`, over the given cases (e.g. last month's). */
export function replayRouting(input: {
  from: RoutingRuleSet;
  to: RoutingRuleSet;
  cases: readonly RoutingCase[];
  directory: OrgDirectory;
  labelOf?: (category: CategoryCode) => string;
}): ReplayReport {
  const changed: RoutingChange[] = [];
  for (const c of input.cases) {
    const route = (ruleSet: RoutingRuleSet) =>
      routePetition({ facts: c.facts, currentUnitId: c.currentUnitId, directory: input.directory, ruleSet, labelOf: input.labelOf });
    const before = route(input.from);
    const after = route(input.to);
    const fields = differences(before, after);
    if (fields.some((f) => f !== 'rule')) changed.push({ caseId: c.caseId, before, after, fields });
  }
  return {
    from: { id: input.from.id, version: input.from.version },
    to: { id: input.to.id, version: input.to.version },
    total: input.cases.length,
    unchanged: input.cases.length - changed.length,
    changed,
  };
}

function differences(a: RoutingDecision, b: RoutingDecision): DecisionField[] {
  const fields: DecisionField[] = [];
  if (a.manual !== b.manual) fields.push('manual');
  if (!a.manual && !b.manual) {
    if (a.unitId !== b.unitId) fields.push('unit');
    if (a.mode !== b.mode) fields.push('mode');
    if (a.clock !== b.clock) fields.push('clock');
  }
  if (a.rule?.id !== b.rule?.id) fields.push('rule');
  return fields;
}

import type { CategoryCode, UnitId } from '@sunshine/contracts';

import { BUREAU_KINDS, type OrgDirectory } from '../org';
import { defaultCategoryLabel } from './category-labels';
import type { PetitionFacts } from './petition-facts';
import { clocksForDispatch, type RoutingDecision } from './routing-decision';
import type { RoutingRule, RoutingRuleSet } from './routing-rule-set';
import type { RuleContext, RuleOutcome } from './rule-context';
import { ruleMatches } from './rule-matches';
import { applyAccusationRule } from './rules/accusation-rule';
import { applyDirectRule, applyManualRule } from './rules/fixed-rules';
import { applyLawsuitRule } from './rules/lawsuit-rule';
import { applyTerritorialRule } from './rules/territorial-rule';

export interface RouteInput {
  facts: PetitionFacts;
  /** The bureau applying the policy: the receiving bureau, or one that got the case forwarded (next hop). */
  currentUnitId: UnitId;
  directory: OrgDirectory;
  ruleSet: RoutingRuleSet;
  /** Category labels for the reasons (the taxonomy's); defaults to the platform-wide codes' labels. */
  labelOf?: (category: CategoryCode) => string;
}

/**
 * Where the current bureau sends a case, and why: the first rule (in the rule set's order) that settles it.
 * Pure: the same input always gives the same decision, so any service can replay it.
 */
export function routePetition(input: RouteInput): RoutingDecision {
  const bureau = input.directory.get(input.currentUnitId);
  if (!bureau) return { manual: true, rule: null, reasons: [`当前单位（${input.currentUnitId}）不在机构目录中，需人工分办`] };
  if (!BUREAU_KINDS.includes(bureau.kind)) {
    return { manual: true, rule: null, reasons: [`${bureau.name}不是信访部门，不按规则分办`] };
  }
  const ctx: RuleContext = {
    facts: input.facts,
    bureau,
    directory: input.directory,
    labelOf: input.labelOf ?? defaultCategoryLabel,
  };
  for (const rule of input.ruleSet.rules) {
    if (!ruleMatches(rule.when, ctx)) continue;
    const outcome = applyRule(rule, ctx);
    if (outcome.outcome === 'pass') continue;
    const matched = { id: rule.id, version: input.ruleSet.version };
    if (outcome.outcome === 'manual') return { manual: true, rule: matched, reasons: outcome.reasons };
    const target = input.directory.require(outcome.unitId);
    return {
      manual: false,
      unitId: target.id,
      mode: outcome.mode,
      ...clocksForDispatch(target, outcome.mode),
      rule: matched,
      reasons: outcome.reasons,
    };
  }
  return { manual: true, rule: null, reasons: [`规则集${input.ruleSet.id}（第${input.ruleSet.version}版）没有适用的规则，需人工分办`] };
}

function applyRule(rule: RoutingRule, ctx: RuleContext): RuleOutcome {
  switch (rule.kind) {
    case 'accusation':
      return applyAccusationRule(rule, ctx);
    case 'lawsuit':
      return applyLawsuitRule(rule, ctx);
    case 'territorial':
      return applyTerritorialRule(rule, ctx);
    case 'direct':
      return applyDirectRule(rule, ctx);
    case 'manual':
      return applyManualRule(rule);
  }
}

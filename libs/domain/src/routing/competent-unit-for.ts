import type { OrgUnitSnapshot } from '@sunshine/contracts';

import type { OrgDirectory } from '../org';
import { defaultCategoryLabel } from './category-labels';
import { findCompetentUnit } from './find-competent-unit';
import type { PetitionFacts } from './petition-facts';
import type { RoutingRuleSet } from './routing-rule-set';
import { applyAccusationRule } from './rules/accusation-rule';

/**
 * The organ with power to handle the matter (有权处理的机关), as the rule set sees it: for an accusation the
 * discipline organ with authority over the accused unit; for a lawsuit the lowest political-legal organ of the
 * place; otherwise the competent unit at the lowest competent level. Undefined when it cannot be told.
 */
export function competentUnitFor(facts: PetitionFacts, directory: OrgDirectory, ruleSet: RoutingRuleSet): OrgUnitSnapshot | undefined {
  const receiving = directory.get(facts.receivingUnitId);
  for (const rule of ruleSet.rules) {
    if (rule.kind === 'accusation' && facts.type === 'accusation' && receiving) {
      const outcome = applyAccusationRule(rule, { facts, bureau: receiving, directory, labelOf: defaultCategoryLabel });
      return outcome.outcome === 'dispatch' ? directory.get(outcome.unitId) : undefined;
    }
    if (rule.kind === 'lawsuit' && rule.categories.includes(facts.category)) {
      const chain = directory.placeChain(facts.placeCode).reverse();
      for (const code of chain) {
        const organ = directory.find(code, rule.targetKind);
        if (organ) return organ;
      }
      return undefined;
    }
    if (rule.kind === 'territorial') {
      return findCompetentUnit(directory, facts.placeCode, facts.category, rule.townshipCategories)?.unit;
    }
  }
  return findCompetentUnit(directory, facts.placeCode, facts.category, ['other'])?.unit;
}

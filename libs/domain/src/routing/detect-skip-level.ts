import type { UnitId } from '@sunshine/contracts';

import { divisionContains, levelAt, levelDepth, type OrgDirectory } from '../org';
import { levelLabel } from './category-labels';
import { competentUnitFor } from './competent-unit-for';
import type { PetitionFacts } from './petition-facts';
import type { RoutingRuleSet } from './routing-rule-set';

export interface SkipLevelResult {
  /** 越级: the visit went above the competent organ's level and the level above it. */
  skipLevel: boolean;
  competentUnitId: UnitId | null;
  reasons: string[];
}

/**
 * Art 20 (逐级走访): a visit goes to the organ with power to handle it, at its own level or one level up. Visiting
 * higher is 越级 — flagged at registration (有访必录入: the visit is still registered).
 */
export function detectSkipLevel(facts: PetitionFacts, directory: OrgDirectory, ruleSet: RoutingRuleSet): SkipLevelResult {
  if (facts.channel !== 'visit') return { skipLevel: false, competentUnitId: null, reasons: ['非走访形式，不适用逐级走访（第二十条）'] };
  const receiving = directory.get(facts.receivingUnitId);
  if (!receiving) {
    return { skipLevel: false, competentUnitId: null, reasons: [`接待单位（${facts.receivingUnitId}）不在机构目录中，不作越级判断`] };
  }
  const competent = competentUnitFor(facts, directory, ruleSet);
  if (!competent) return { skipLevel: false, competentUnitId: null, reasons: ['未能确定有权处理的机关，不作越级判断'] };
  const base = `有权处理的机关为${competent.name}（${levelLabel(competent.level)}）`;
  if (!divisionContains(receiving.divisionCode, facts.placeCode)) {
    return { skipLevel: false, competentUnitId: competent.id, reasons: [base, `${receiving.name}辖区不含事发地，不作越级判断`] };
  }
  const allowedDepth = levelDepth(competent.level) - 1;
  if (levelDepth(receiving.level) >= allowedDepth) {
    return {
      skipLevel: false,
      competentUnitId: competent.id,
      reasons: [base, `逐级走访：${receiving.name}（${levelLabel(receiving.level)}）为本级、上一级或下级机关（第二十条）`],
    };
  }
  const upper = levelAt(allowedDepth);
  return {
    skipLevel: true,
    competentUnitId: competent.id,
    reasons: [
      base,
      `越级走访：应到本级或上一级（${upper === undefined ? '' : levelLabel(upper)}）机关提出，${receiving.name}（${levelLabel(receiving.level)}）超出一级（第二十条）`,
    ],
  };
}

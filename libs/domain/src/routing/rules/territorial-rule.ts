import type { OrgUnitSnapshot } from '@sunshine/contracts';

import { divisionContains, levelAt, levelDepth } from '../../org';
import { modeLabel } from '../category-labels';
import { findCompetentUnit } from '../find-competent-unit';
import type { TerritorialRule } from '../routing-rule-set';
import { manual, type RuleContext, type RuleOutcome } from '../rule-context';

/**
 * 属地 → 主管 → 逐级 (Art 5, 22):
 * 1. territory: the place must lie in the bureau's territory;
 * 2. competence: the competent unit at the lowest competent level (`findCompetentUnit`);
 * 3. level by level: a bureau whose level is in `hopLevels` (default: the city) forwards to the next lower bureau
 *    of the place, which applies the policy again at its level; any other bureau sends the case to the competent
 *    unit of its territory (a county bureau assigns to the county department or the township). A bureau never
 *    sends a case up: if the competent unit is above it, a person decides.
 */
export function applyTerritorialRule(rule: TerritorialRule, ctx: RuleContext): RuleOutcome {
  const { facts, bureau, directory } = ctx;
  const place = directory.placeLabel(facts.placeCode);
  if (directory.placeChain(facts.placeCode).length === 0) return manual(`属地：事发地${facts.placeCode}不在机构目录中，需人工分办`);
  if (!divisionContains(bureau.divisionCode, facts.placeCode)) {
    return manual(`属地：事发地${place}不在${bureau.name}辖区，需人工转办`);
  }
  const reasons = [`属地：事发地${place}，属${bureau.name}辖区`];
  const label = ctx.labelOf(facts.category);
  const competent = findCompetentUnit(directory, facts.placeCode, facts.category, rule.townshipCategories);
  if (!competent) return manual(...reasons, `主管：未找到${label}事项的主管单位，需人工分办`);
  const target = competent.unit;
  reasons.push(
    competent.territorial ? `主管：${label}事项由属地${target.name}办理` : `主管：${label}事项由${target.name}主管（谁主管、谁负责）`,
  );
  const bureauDepth = levelDepth(bureau.level);
  const targetDepth = levelDepth(target.level);
  if (targetDepth < bureauDepth || !divisionContains(bureau.divisionCode, target.divisionCode)) {
    return manual(...reasons, `逐级：主管单位在${bureau.name}上级，不向上转送，需人工处理`);
  }
  if (targetDepth > bureauDepth && rule.hopLevels.includes(bureau.level)) {
    const lower = lowerBureau(ctx, bureauDepth + 1);
    if (lower) {
      reasons.push(`逐级：${bureau.name}转送${lower.name}，由其按属地、主管办理`);
      return { outcome: 'dispatch', unitId: lower.id, mode: 'forward', reasons };
    }
  }
  const mode = rule.modeByBureauLevel[bureau.level] ?? 'forward';
  reasons.push(`逐级：${bureau.name}${modeLabel(mode)}${target.name}`);
  return { outcome: 'dispatch', unitId: target.id, mode, reasons };
}

/** The petition bureau (county) or office (township) of the place one level below the bureau. */
function lowerBureau(ctx: RuleContext, depth: number): OrgUnitSnapshot | undefined {
  const level = levelAt(depth);
  const code = ctx.directory.placeChain(ctx.facts.placeCode).find((c) => ctx.directory.at(c)[0]?.level === level);
  if (code === undefined) return undefined;
  return ctx.directory.find(code, 'petition-bureau') ?? ctx.directory.find(code, 'petition-office');
}

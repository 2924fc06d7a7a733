import { divisionAt } from '../../org';
import { modeLabel } from '../category-labels';
import type { DirectRule, ManualRule } from '../routing-rule-set';
import { manual, type RuleContext, type RuleOutcome } from '../rule-context';

/** A jurisdiction's fixed target: the unit of `unitKind` in the bureau's territory or the place's county/township. */
export function applyDirectRule(rule: DirectRule, ctx: RuleContext): RuleOutcome {
  const division =
    rule.at === 'bureau' ? ctx.bureau.divisionCode : divisionAt(ctx.facts.placeCode, rule.at === 'place-county' ? 'county' : 'township');
  const unit = division === undefined ? undefined : ctx.directory.find(division, rule.unitKind);
  if (!unit) return manual(rule.reason, `未找到${rule.unitKind}单位（${division ?? ctx.facts.placeCode}），需人工分办`);
  return { outcome: 'dispatch', unitId: unit.id, mode: rule.mode, reasons: [rule.reason, `${modeLabel(rule.mode)}${unit.name}`] };
}

export function applyManualRule(rule: ManualRule): RuleOutcome {
  return manual(rule.reason);
}

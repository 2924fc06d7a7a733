import { modeLabel } from '../category-labels';
import type { LawsuitRule } from '../routing-rule-set';
import { manual, pass, type RuleContext, type RuleOutcome } from '../rule-context';

/**
 * 涉法涉诉 → the political-legal organ (政法委) at the bureau's own level (诉访分离); a township office, which has
 * none, sends it to the nearest one above.
 */
export function applyLawsuitRule(rule: LawsuitRule, ctx: RuleContext): RuleOutcome {
  if (!rule.categories.includes(ctx.facts.category)) return pass;
  const path = ctx.bureau.territoryPath;
  for (let i = path.length - 1; i >= 0; i--) {
    const organ = ctx.directory.find(path[i], rule.targetKind);
    if (!organ) continue;
    const sameLevel = organ.divisionCode === ctx.bureau.divisionCode;
    return {
      outcome: 'dispatch',
      unitId: organ.id,
      mode: rule.mode,
      reasons: [
        `诉访分离：${ctx.labelOf(ctx.facts.category)}事项依法${modeLabel(rule.mode)}${sameLevel ? '同级' : '上级'}政法机关${organ.name}（第二十二条、第三十一条）`,
      ],
    };
  }
  return manual(`诉访分离：${ctx.bureau.name}所在层级及以上未找到政法机关，需人工转送`);
}

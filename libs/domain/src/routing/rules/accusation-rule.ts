import { levelDepth } from '../../org';
import { levelLabel, modeLabel } from '../category-labels';
import type { AccusationRule } from '../routing-rule-set';
import { manual, pass, type RuleContext, type RuleOutcome } from '../rule-context';

const SECRECY = '检举控告人的姓名及检举控告材料严格保密，不得透露或转给被检举控告单位（第三十条、第四十六条）';

/**
 * 检举控告 → the discipline-inspection organ with authority over the accused unit (按照管理权限): by default the
 * one at the level above the accused unit's level, along the accused unit's territory; when that level has none
 * (a state farm), the next one up.
 */
export function applyAccusationRule(rule: AccusationRule, ctx: RuleContext): RuleOutcome {
  if (ctx.facts.type !== 'accusation') return pass;
  const accusedId = ctx.facts.accusedUnitId;
  if (accusedId === undefined) return manual('检举控告：未指明被检举控告单位，需人工确定有管理权限的纪检监察机关');
  const accused = ctx.directory.get(accusedId);
  if (!accused) return manual(`检举控告：被检举控告单位（${accusedId}）不在机构目录中，需人工处理`);
  const levelsUp = rule.levelsUpByAccusedKind[accused.kind] ?? rule.levelsUp;
  // territoryPath starts at the city (depth 1): index = depth - 1
  const wanted = levelDepth(accused.level) - levelsUp - 1;
  for (let i = Math.min(wanted, accused.territoryPath.length - 1); i >= 0; i--) {
    const organ = ctx.directory.find(accused.territoryPath[i], rule.targetKind);
    if (!organ) continue;
    const where = levelsUp === 0 ? '同级' : '上一级';
    return {
      outcome: 'dispatch',
      unitId: organ.id,
      mode: rule.mode,
      reasons: [
        `检举控告：被检举控告单位为${accused.name}（${levelLabel(accused.level)}）`,
        `按照管理权限${modeLabel(rule.mode)}${organ.name}（${where}纪检监察机关${i < wanted ? '；该级未设，由更上一级办理' : ''}，第二十二条、第三十条）`,
        SECRECY,
      ],
    };
  }
  return manual(
    `检举控告：被检举控告单位为${accused.name}（${levelLabel(accused.level)}）`,
    '有管理权限的纪检监察机关不在本平台机构目录中（如省级），需人工转送',
  );
}

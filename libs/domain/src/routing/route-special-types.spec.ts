import { CITY_BUREAU, COUNTY_BUREAU, facts, TOWNSHIP_OFFICE, XINXIANG } from './__fixtures__/routing.fixture';
import { DEFAULT_ROUTING_RULE_SET } from './default-rule-set';
import { routePetition } from './route-petition';
import { parseRoutingRuleSet } from './routing-rule-set';

const SECRECY = '检举控告人的姓名及检举控告材料严格保密，不得透露或转给被检举控告单位（第三十条、第四十六条）';
const accusation = (accusedUnitId?: string) => facts({ type: 'accusation', category: 'other', accusedUnitId });

describe('routing: accusations (Art 22, 30)', () => {
  const route = (f = accusation(), ruleSet = DEFAULT_ROUTING_RULE_SET, currentUnitId = COUNTY_BUREAU) =>
    routePetition({ facts: f, currentUnitId, directory: XINXIANG, ruleSet });

  it('forwards an accusation against a village committee to the township discipline organ', () => {
    expect(route(accusation('410726101201:village-committee'))).toEqual({
      manual: false,
      unitId: '410726101000:discipline',
      mode: 'forward',
      clock: 'acceptance',
      clocks: ['acceptance', 'objection'],
      rule: { id: 'accusation-discipline', version: 1 },
      reasons: [
        '检举控告：被检举控告单位为东屯村委会（村级）',
        '按照管理权限转送东屯镇纪委（上一级纪检监察机关，第二十二条、第三十条）',
        SECRECY,
      ],
    });
  });

  it('forwards an accusation against a county department to the city organ, by default', () => {
    const decision = route(accusation('410726000000:dept-hrss'));
    expect(decision).toMatchObject({ manual: false, unitId: '410700000000:discipline' });
    expect(decision.reasons[1]).toBe('按照管理权限转送新乡市纪委监委（上一级纪检监察机关，第二十二条、第三十条）');
  });

  it('keeps a configured kind at the same level', () => {
    const ruleSet = parseRoutingRuleSet({
      id: 'xinxiang',
      version: 3,
      rules: [{ id: 'accusation-discipline', kind: 'accusation', levelsUpByAccusedKind: { 'dept-hrss': 0 } }],
    });
    const decision = route(accusation('410726000000:dept-hrss'), ruleSet);
    expect(decision).toMatchObject({ unitId: '410726000000:discipline', rule: { id: 'accusation-discipline', version: 3 } });
    expect(decision.reasons[1]).toBe('按照管理权限转送延津县纪委监委（同级纪检监察机关，第二十二条、第三十条）');
  });

  it('goes one level further up where the level above has no discipline organ (a state farm)', () => {
    const decision = route(accusation('410726401598:village-committee'));
    expect(decision).toMatchObject({ manual: false, unitId: '410726000000:discipline' });
    expect(decision.reasons[1]).toBe(
      '按照管理权限转送延津县纪委监委（上一级纪检监察机关；该级未设，由更上一级办理，第二十二条、第三十条）',
    );
  });

  it('hands to a person what it cannot place', () => {
    expect(route(accusation())).toMatchObject({
      manual: true,
      reasons: ['检举控告：未指明被检举控告单位，需人工确定有管理权限的纪检监察机关'],
    });
    expect(route(accusation('410700000000:dept-hrss'))).toMatchObject({
      manual: true,
      reasons: [
        '检举控告：被检举控告单位为新乡市人力资源和社会保障局（市级）',
        '有管理权限的纪检监察机关不在本平台机构目录中（如省级），需人工转送',
      ],
    });
  });
});

describe('routing: lawsuits (诉访分离, Art 22, 31)', () => {
  const route = (currentUnitId: string) =>
    routePetition({ facts: facts({ category: 'lawsuit' }), currentUnitId, directory: XINXIANG, ruleSet: DEFAULT_ROUTING_RULE_SET });

  it.each([
    [CITY_BUREAU, '410700000000:political-legal', '涉法涉诉事项依法转送同级政法机关中共新乡市委政法委员会（第二十二条、第三十一条）'],
    [COUNTY_BUREAU, '410726000000:political-legal', '涉法涉诉事项依法转送同级政法机关中共延津县委政法委员会（第二十二条、第三十一条）'],
    [TOWNSHIP_OFFICE, '410726000000:political-legal', '涉法涉诉事项依法转送上级政法机关中共延津县委政法委员会（第二十二条、第三十一条）'],
  ])('forwards from %s to %s', (bureau, unitId, reason) => {
    expect(route(bureau)).toEqual({
      manual: false,
      unitId,
      mode: 'forward',
      clock: 'acceptance',
      clocks: ['acceptance', 'objection'],
      rule: { id: 'lawsuit-political-legal', version: 1 },
      reasons: [`诉访分离：${reason}`],
    });
  });
});

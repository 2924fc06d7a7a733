import { CITY_BUREAU, COUNTY_BUREAU, facts, TOWNSHIP_OFFICE, XINXIANG } from './__fixtures__/routing.fixture';
import { DEFAULT_ROUTING_RULE_SET } from './default-rule-set';
import { routePetition } from './route-petition';

const route = (currentUnitId: string, f = facts()) =>
  routePetition({ facts: f, currentUnitId, directory: XINXIANG, ruleSet: DEFAULT_ROUTING_RULE_SET });
const rule = { id: 'territory-competence-level', version: 1 };

describe('routing: territory → competence → level by level', () => {
  it('has the city bureau forward a county matter to the county bureau of the place', () => {
    expect(route(CITY_BUREAU)).toEqual({
      manual: false,
      unitId: COUNTY_BUREAU,
      mode: 'forward',
      clock: 'dispatch',
      clocks: ['dispatch'],
      rule,
      reasons: [
        '属地：事发地新乡市延津县东屯镇水花堡村，属新乡市信访局辖区',
        '主管：劳资纠纷事项由延津县人力资源和社会保障局主管（谁主管、谁负责）',
        '逐级：新乡市信访局转送延津县信访局，由其按属地、主管办理',
      ],
    });
  });

  it('has the county bureau, applying the policy again, assign to the competent county department', () => {
    expect(route(COUNTY_BUREAU)).toEqual({
      manual: false,
      unitId: '410726000000:dept-hrss',
      mode: 'assign',
      clock: 'assignment-feedback',
      clocks: ['acceptance', 'objection', 'assignment-feedback'],
      rule,
      reasons: [
        '属地：事发地新乡市延津县东屯镇水花堡村，属延津县信访局辖区',
        '主管：劳资纠纷事项由延津县人力资源和社会保障局主管（谁主管、谁负责）',
        '逐级：延津县信访局交办延津县人力资源和社会保障局',
      ],
    });
  });

  it.each([
    ['demolition', '410726000000:dept-housing', '延津县住房和城乡建设局'],
    ['environment', '410726000000:dept-ecology', '新乡市生态环境局延津分局'],
    ['public-security', '410726000000:dept-public-security', '延津县公安局'],
  ])('sends %s to %s', (category, unitId, name) => {
    const decision = route(COUNTY_BUREAU, facts({ category }));
    expect(decision).toMatchObject({ manual: false, unitId, mode: 'assign' });
    expect(decision.reasons[2]).toBe(`逐级：延津县信访局交办${name}`);
  });

  it('has the county bureau assign a township matter to the township of the place', () => {
    const decision = route(COUNTY_BUREAU, facts({ category: 'other' }));
    expect(decision).toMatchObject({ manual: false, unitId: '410726101000:government', mode: 'assign' });
    expect(decision.reasons.slice(1)).toEqual(['主管：其他事项由属地东屯镇人民政府办理', '逐级：延津县信访局交办东屯镇人民政府']);
  });

  it('sends a state farm’s matter to the farm, which is not administrative but receives cases', () => {
    const decision = route(COUNTY_BUREAU, facts({ category: 'other', placeCode: '410726401598' }));
    expect(decision).toMatchObject({ manual: false, unitId: '410726401000:government' });
    expect(decision.reasons[0]).toBe('属地：事发地新乡市延津县新兴农场新兴农场生活区，属延津县信访局辖区');
  });

  it('goes to the city department when the place has none at county level (a development zone)', () => {
    const decision = route(CITY_BUREAU, facts({ placeCode: '410771360000' }));
    expect(decision).toMatchObject({ manual: false, unitId: '410700000000:dept-hrss', mode: 'forward', clock: 'acceptance' });
    expect(decision.reasons.slice(1)).toEqual([
      '主管：劳资纠纷事项由新乡市人力资源和社会保障局主管（谁主管、谁负责）',
      '逐级：新乡市信访局转送新乡市人力资源和社会保障局',
    ]);
  });

  it('lets a township office assign its own township matters to its government', () => {
    expect(route(TOWNSHIP_OFFICE, facts({ category: 'other' }))).toMatchObject({
      manual: false,
      unitId: '410726101000:government',
      mode: 'assign',
      reasons: [
        '属地：事发地新乡市延津县东屯镇水花堡村，属东屯镇信访办辖区',
        '主管：其他事项由属地东屯镇人民政府办理',
        '逐级：东屯镇信访办交办东屯镇人民政府',
      ],
    });
  });

  it('never pushes a department matter down to a township, nor sends it up: a person decides', () => {
    expect(route(TOWNSHIP_OFFICE)).toEqual({
      manual: true,
      rule,
      reasons: [
        '属地：事发地新乡市延津县东屯镇水花堡村，属东屯镇信访办辖区',
        '主管：劳资纠纷事项由延津县人力资源和社会保障局主管（谁主管、谁负责）',
        '逐级：主管单位在东屯镇信访办上级，不向上转送，需人工处理',
      ],
    });
  });

  it('hands a place outside the bureau’s territory to a person', () => {
    expect(route(COUNTY_BUREAU, facts({ placeCode: '410727100000' }))).toEqual({
      manual: true,
      rule,
      reasons: ['属地：事发地新乡市封丘县城关镇不在延津县信访局辖区，需人工转办'],
    });
  });

  it('hands an unknown category to a person', () => {
    expect(route(COUNTY_BUREAU, facts({ category: 'fisheries' })).reasons[1]).toBe('主管：未找到fisheries事项的主管单位，需人工分办');
  });

  it('applies rules only at a petition bureau', () => {
    expect(route('410726000000:dept-hrss')).toEqual({
      manual: true,
      rule: null,
      reasons: ['延津县人力资源和社会保障局不是信访部门，不按规则分办'],
    });
  });
});

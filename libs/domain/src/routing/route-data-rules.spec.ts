import { CITY_BUREAU, COUNTY_BUREAU, facts, XINXIANG } from './__fixtures__/routing.fixture';
import { DEFAULT_ROUTING_RULE_SET } from './default-rule-set';
import { replayRouting, type RoutingCase } from './replay-routing';
import { routePetition } from './route-petition';
import { parseRoutingRuleSet, type RoutingRuleInput } from './routing-rule-set';

const hotline: RoutingRuleInput = {
  id: 'hotline-public-security',
  kind: 'direct',
  when: { categories: ['public-security'], channels: ['hotline'] },
  unitKind: 'dept-public-security',
  at: 'place-county',
  mode: 'assign',
  reason: '12345：治安类工单直派属地公安局',
};
const demolitionDesk: RoutingRuleInput = {
  id: 'demolition-desk',
  kind: 'manual',
  when: { categories: ['demolition'], bureauLevels: ['county'] },
  reason: '拆迁补偿事项由分办员人工审核',
};
const v2 = parseRoutingRuleSet({
  id: 'xinxiang',
  version: 2,
  rules: [
    { id: 'accusation-discipline', kind: 'accusation' },
    { id: 'lawsuit-political-legal', kind: 'lawsuit' },
    hotline,
    demolitionDesk,
    { id: 'territory-competence-level', kind: 'territorial', townshipCategories: ['other', 'agriculture'] },
  ],
});

describe('routing rules as data', () => {
  it('sends a matching case to a fixed unit (direct rule)', () => {
    const decision = routePetition({
      facts: facts({ category: 'public-security', channel: 'hotline' }),
      currentUnitId: CITY_BUREAU,
      directory: XINXIANG,
      ruleSet: v2,
    });
    expect(decision).toEqual({
      manual: false,
      unitId: '410726000000:dept-public-security',
      mode: 'assign',
      clock: 'assignment-feedback',
      clocks: ['acceptance', 'objection', 'assignment-feedback'],
      rule: { id: 'hotline-public-security', version: 2 },
      reasons: ['12345：治安类工单直派属地公安局', '交办延津县公安局'],
    });
  });

  it('hands a matching case to a person (manual rule), only where its conditions hold', () => {
    const at = (currentUnitId: string) =>
      routePetition({ facts: facts({ category: 'demolition' }), currentUnitId, directory: XINXIANG, ruleSet: v2 });
    expect(at(COUNTY_BUREAU)).toEqual({
      manual: true,
      rule: { id: 'demolition-desk', version: 2 },
      reasons: ['拆迁补偿事项由分办员人工审核'],
    });
    expect(at(CITY_BUREAU)).toMatchObject({ manual: false, unitId: COUNTY_BUREAU });
  });

  it('says so when no rule settles the case', () => {
    const only = parseRoutingRuleSet({ id: 'narrow', version: 7, rules: [demolitionDesk] });
    expect(routePetition({ facts: facts(), currentUnitId: COUNTY_BUREAU, directory: XINXIANG, ruleSet: only })).toEqual({
      manual: true,
      rule: null,
      reasons: ['规则集narrow（第7版）没有适用的规则，需人工分办'],
    });
  });

  it('keeps special types first and ids unique', () => {
    expect(() =>
      parseRoutingRuleSet({
        id: 'bad',
        version: 1,
        rules: [
          { id: 'territorial', kind: 'territorial' },
          { id: 'lawsuit', kind: 'lawsuit' },
        ],
      }),
    ).toThrow(/lawsuit rule lawsuit must come before the territorial rule/);
    expect(() =>
      parseRoutingRuleSet({
        id: 'bad',
        version: 1,
        rules: [
          { id: 'a', kind: 'lawsuit' },
          { id: 'a', kind: 'territorial' },
        ],
      }),
    ).toThrow(/duplicate rule id a/);
  });
});

describe('replayRouting', () => {
  const cases: RoutingCase[] = [
    { caseId: 'labour', facts: facts(), currentUnitId: COUNTY_BUREAU },
    { caseId: 'agriculture', facts: facts({ category: 'agriculture' }), currentUnitId: COUNTY_BUREAU },
    { caseId: 'hotline', facts: facts({ category: 'public-security', channel: 'hotline' }), currentUnitId: CITY_BUREAU },
    { caseId: 'demolition-city', facts: facts({ category: 'demolition' }), currentUnitId: CITY_BUREAU },
  ];

  it('shows which decisions a new rule set would change, and how', () => {
    const report = replayRouting({ from: DEFAULT_ROUTING_RULE_SET, to: v2, cases, directory: XINXIANG });
    expect(report).toMatchObject({ from: { id: 'default', version: 1 }, to: { id: 'xinxiang', version: 2 }, total: 4, unchanged: 2 });
    expect(report.changed.map((c) => [c.caseId, c.fields])).toEqual([
      ['agriculture', ['unit']],
      ['hotline', ['unit', 'mode', 'clock', 'rule']],
    ]);
    const agriculture = report.changed[0];
    expect(agriculture.before).toMatchObject({ unitId: '410726000000:dept-agriculture' });
    expect(agriculture.after).toMatchObject({ unitId: '410726101000:government' });
  });

  it('finds nothing to change between a rule set and itself', () => {
    expect(replayRouting({ from: v2, to: v2, cases, directory: XINXIANG }).changed).toEqual([]);
  });
});

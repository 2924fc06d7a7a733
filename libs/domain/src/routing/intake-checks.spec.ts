import { CITY_BUREAU, COUNTY_BUREAU, facts, TOWNSHIP_OFFICE, XINXIANG } from './__fixtures__/routing.fixture';
import { checkRepeatToHigherOrgan, type EarlierMatter } from './check-repeat-to-higher-organ';
import { DEFAULT_ROUTING_RULE_SET } from './default-rule-set';
import { detectSkipLevel } from './detect-skip-level';

const visit = (receivingUnitId: string, overrides = {}) =>
  detectSkipLevel(facts({ channel: 'visit', receivingUnitId, ...overrides }), XINXIANG, DEFAULT_ROUTING_RULE_SET);

describe('detectSkipLevel (Art 20, 逐级走访)', () => {
  it('accepts a visit one level above the competent organ', () => {
    expect(visit(CITY_BUREAU)).toEqual({
      skipLevel: false,
      competentUnitId: '410726000000:dept-hrss',
      reasons: ['有权处理的机关为延津县人力资源和社会保障局（县级）', '逐级走访：新乡市信访局（市级）为本级、上一级或下级机关（第二十条）'],
    });
  });

  it('flags a visit two levels above the competent organ as 越级', () => {
    expect(visit(CITY_BUREAU, { category: 'other' })).toEqual({
      skipLevel: true,
      competentUnitId: '410726101000:government',
      reasons: [
        '有权处理的机关为东屯镇人民政府（乡级）',
        '越级走访：应到本级或上一级（县级）机关提出，新乡市信访局（市级）超出一级（第二十条）',
      ],
    });
    expect(visit(COUNTY_BUREAU, { category: 'other' }).skipLevel).toBe(false);
    expect(visit(TOWNSHIP_OFFICE, { category: 'other' }).skipLevel).toBe(false);
  });

  it('measures an accusation against the discipline organ with authority', () => {
    const result = visit(CITY_BUREAU, { type: 'accusation', category: 'other', accusedUnitId: '410726101201:village-committee' });
    expect(result).toMatchObject({ skipLevel: true, competentUnitId: '410726101000:discipline' });
  });

  it('does not judge letters, online petitions or visits to another territory', () => {
    expect(detectSkipLevel(facts({ category: 'other' }), XINXIANG, DEFAULT_ROUTING_RULE_SET)).toEqual({
      skipLevel: false,
      competentUnitId: null,
      reasons: ['非走访形式，不适用逐级走访（第二十条）'],
    });
    expect(visit('410727000000:petition-bureau', { category: 'other' })).toMatchObject({
      skipLevel: false,
      reasons: ['有权处理的机关为东屯镇人民政府（乡级）', '封丘县信访局辖区不含事发地，不作越级判断'],
    });
  });
});

describe('checkRepeatToHigherOrgan (Art 19)', () => {
  // handling accepted Mon 2025-03-03: + 60 days = 5/2, in 劳动节 (5月1日至5日放假, 国办发明电〔2024〕12号) → 5/6
  const earlier: EarlierMatter = {
    caseId: 'case-1',
    status: 'in-progress',
    handlingUnitId: '410726000000:dept-hrss',
    handlingDeadline: { lastDay: '2025-05-06', dueAt: '2025-05-06T16:00:00.000Z' },
  };
  const check = (receivingUnitId: string, at: string, matter = earlier) =>
    checkRepeatToHigherOrgan({ earlier: matter, receivingUnitId, at, directory: XINXIANG });

  it('does not accept the same matter at a higher organ within the time limit', () => {
    expect(check(CITY_BUREAU, '2025-04-01T02:00:00Z')).toEqual({
      notAccepted: true,
      reasons: [
        '第十九条：同一事项已由延津县人力资源和社会保障局受理、正在办理，办理期限至2025-05-06，尚在期限内',
        '向其上级机关新乡市信访局再次提出的，新乡市信访局不予受理',
      ],
    });
    expect(check('410726000000:government', '2025-05-06T15:59:59Z').notAccepted).toBe(true); // its parent
  });

  it('accepts it once the time limit has passed, at a unit that is not above, or when nothing is in hand', () => {
    expect(check(CITY_BUREAU, '2025-05-06T16:00:00Z')).toEqual({
      notAccepted: false,
      reasons: ['原事项办理期限（2025-05-06）已过，不适用第十九条'],
    });
    expect(check(COUNTY_BUREAU, '2025-04-01T02:00:00Z')).toEqual({
      notAccepted: false,
      reasons: ['延津县信访局不是延津县人力资源和社会保障局的上级机关，不适用第十九条'],
    });
    expect(check(CITY_BUREAU, '2025-04-01T02:00:00Z', { ...earlier, status: 'replied' }).notAccepted).toBe(false);
    expect(check(CITY_BUREAU, '2025-04-01T02:00:00Z', { ...earlier, handlingDeadline: undefined }).notAccepted).toBe(false);
  });
});

import { normaliseDivisionName, villageCommitteeName } from './division-name';
import { isNonAdministrativeDivision } from './non-administrative';

describe('normaliseDivisionName', () => {
  it.each([
    ['曹乡固村村民委员会', '曹乡固村'],
    ['东屯村民委员会', '东屯村'],
    ['辛庄村委会', '辛庄村'],
    ['西里七村村村民委员会', '西里七村村'], // the village is called 西里七村村 in the data
    ['绿茵河畔社区居民委员会', '绿茵河畔社区'],
    ['平原社区居委会', '平原社区'],
    ['西街居民委员会', '西街居委会'],
    ['杨岗村村民委员会（新乡市古龙实业公司））', '杨岗村'],
    ['第伍疃村村民委员民', '第伍疃村'],
    ['新兴农场虚拟生活区', '新兴农场生活区'],
    ['国营林场虚拟社区', '国营林场社区'],
    ['凤铭社区', '凤铭社区'],
  ])('names the village-level entry %s → %s', (raw, name) => {
    expect(normaliseDivisionName(raw, 'village')).toBe(name);
  });

  it('only cleans notes from other levels', () => {
    expect(normaliseDivisionName('（工业园区）城南街道', 'township')).toBe('城南街道');
    expect(normaliseDivisionName('东屯镇', 'township')).toBe('东屯镇');
    expect(normaliseDivisionName('村民委员会路街道', 'township')).toBe('村民委员会路街道');
  });

  it('names the committee of a village-level entry', () => {
    expect(villageCommitteeName('东屯村')).toBe('东屯村委会');
    expect(villageCommitteeName('绿茵河畔社区')).toBe('绿茵河畔社区居委会');
    expect(villageCommitteeName('西街居委会')).toBe('西街居委会');
  });
});

describe('isNonAdministrativeDivision', () => {
  it.each([
    ['410771000000', '新乡高新技术产业开发区', 'county', true], // 类似县级: 71–79
    ['410726000000', '延津县', 'county', false],
    ['410726400000', '国营林场', 'township', true], // 类似乡级: 400–599
    ['410726401000', '新兴农场', 'township', true],
    ['410726402000', '新乡市食品工业聚集区', 'township', true],
    ['410726101000', '东屯镇', 'township', false],
    ['410771560000', '振中街道', 'township', true], // street of a zone, coded 560
    ['220221172000', '永吉经济开发区特殊乡镇', 'township', true], // by name: coded in the 镇 range
    ['140502009000', '开发区街道', 'township', false], // a real street
    ['410726401598', '新兴农场虚拟生活区', 'village', true], // 类似村委会
    ['410726101201', '东屯村村民委员会', 'village', false],
    ['410700000000', '新乡市', 'city', false],
  ] as const)('%s %s (%s) → %s', (code, name, level, expected) => {
    expect(isNonAdministrativeDivision(code, name, level)).toBe(expected);
  });
});

import { orgUnitSnapshotV1 } from '@sunshine/contracts';

import { XINXIANG_ROWS } from './__fixtures__/xinxiang-rows.fixture';
import { buildOrg } from './build-org';
import { OrgBuildError } from './org-build-error';
import { buildTerritoryTree } from './territory-tree';
import { STANDARD_CITY_COUNTY_UNITS } from './unit-catalogue';

describe('buildTerritoryTree', () => {
  it('builds city → county → township → village with paths, skipping the province', () => {
    const tree = buildTerritoryTree(XINXIANG_ROWS);
    expect(tree.roots.map((r) => r.code)).toEqual(['410700000000']);
    const yanjin = tree.byCode.get('410726000000');
    expect(yanjin?.children.map((c) => c.name)).toEqual(['文岩街道', '东屯镇', '新兴农场', '新乡市食品工业聚集区']);
    expect(tree.byCode.get('410726101201')).toMatchObject({
      name: '东屯村',
      officialName: '东屯村村民委员会',
      level: 'village',
      parentCode: '410726101000',
      nonAdministrative: false,
      path: ['410700000000', '410726000000', '410726101000', '410726101201'],
    });
    expect(tree.byCode.get('410726401000')?.nonAdministrative).toBe(true);
  });

  it('refuses rows whose parent is missing', () => {
    const rows = [...XINXIANG_ROWS, { code: '410728001', name: '孤儿街道', level: 'township' as const, parentCode: '410728' }];
    expect(() => buildTerritoryTree(rows)).toThrow(OrgBuildError);
    expect(() => buildTerritoryTree(rows)).toThrow(/410728001000 孤儿街道: parent 410728000000 not among the rows/);
  });
});

describe('buildOrg (units)', () => {
  const { units, directory } = buildOrg(XINXIANG_ROWS);

  it('gives each administrative city and county the whole catalogue', () => {
    const perCounty = units.filter((u) => u.divisionCode === '410726000000');
    expect(perCounty).toHaveLength(STANDARD_CITY_COUNTY_UNITS.length);
    expect(STANDARD_CITY_COUNTY_UNITS.length).toBe(68);
    expect(units.filter((u) => u.divisionCode === '410700000000')).toHaveLength(68);
  });

  it.each([
    ['410726000000:petition-bureau', '延津县信访局', '410726000000:government', []],
    ['410726000000:government', '延津县人民政府', '410700000000:government', ['other']],
    ['410726000000:dept-hrss', '延津县人力资源和社会保障局', '410726000000:government', ['labour']],
    ['410726000000:dept-housing', '延津县住房和城乡建设局', '410726000000:government', ['urban-construction', 'demolition']],
    ['410726000000:dept-natural-resources', '延津县自然资源局', '410726000000:government', ['land-resources']],
    ['410726000000:dept-ecology', '新乡市生态环境局延津分局', '410726000000:government', ['environment']],
    ['410726000000:dept-civil-affairs', '延津县民政局', '410726000000:government', ['civil-affairs']],
    ['410726000000:dept-agriculture', '延津县农业农村局', '410726000000:government', ['agriculture']],
    ['410726000000:dept-education', '延津县教育局', '410726000000:government', ['education']],
    ['410726000000:dept-health', '延津县卫生健康委员会', '410726000000:government', ['health']],
    ['410726000000:dept-transport', '延津县交通运输局', '410726000000:government', ['transport']],
    ['410726000000:dept-public-security', '延津县公安局', '410726000000:government', ['public-security']],
    ['410726000000:discipline', '延津县纪委监委', '410700000000:discipline', []],
    ['410726000000:political-legal', '中共延津县委政法委员会', '410726000000:party-committee', ['lawsuit']],
    ['410726000000:court', '延津县人民法院', '410700000000:court', []],
    ['410700000000:court', '新乡市中级人民法院', null, []],
    ['410700000000:petition-bureau', '新乡市信访局', '410700000000:government', []],
    ['410726101000:government', '东屯镇人民政府', '410726000000:government', ['other']],
    ['410726101000:petition-office', '东屯镇信访办', '410726101000:government', []],
    ['410726101000:discipline', '东屯镇纪委', '410726000000:discipline', []],
    ['410726001000:government', '文岩街道办事处', '410726000000:government', ['other']],
    ['410726001000:discipline', '文岩街道纪工委', '410726000000:discipline', []],
    ['410726101201:village-committee', '东屯村委会', '410726101000:government', []],
    ['410726001001:village-committee', '西街居委会', '410726001000:government', []],
  ])('%s is %s under %s, competent for %j', (id, name, parentId, competences) => {
    expect(directory.get(id)).toMatchObject({ name, parentId, competences });
  });

  it('keeps non-administrative entries, marked, with an administration that receives cases', () => {
    expect(directory.get('410726401000:government')).toMatchObject({ name: '新兴农场', nonAdministrative: true });
    expect(directory.get('410726402000:government')).toMatchObject({
      name: '新乡市食品工业聚集区管理委员会',
      nonAdministrative: true,
    });
    expect(directory.get('410726401000:petition-office')?.name).toBe('新兴农场信访办');
    expect(directory.get('410726401000:discipline')).toBeUndefined();
    expect(directory.get('410726401598:village-committee')).toMatchObject({ name: '新兴农场生活区', nonAdministrative: true });
    expect(directory.get('410771000000:government')).toMatchObject({
      name: '新乡高新技术产业开发区管理委员会',
      parentId: '410700000000:government',
      nonAdministrative: true,
    });
    expect(directory.get('410771000000:petition-bureau')?.name).toBe('新乡高新技术产业开发区信访办公室');
    expect(directory.get('410771000000:dept-hrss')).toBeUndefined();
  });

  it('records the territory path from the city down and a valid snapshot shape', () => {
    expect(directory.get('410726101201:village-committee')?.territoryPath).toEqual([
      '410700000000',
      '410726000000',
      '410726101000',
      '410726101201',
    ]);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    for (const unit of units) expect(orgUnitSnapshotV1.parse(unit)).toEqual(unit);
  });
});

describe('OrgDirectory', () => {
  const { directory } = buildOrg(XINXIANG_ROWS);

  it('indexes units by division, kind and competence', () => {
    expect(directory.find('410726000000', 'petition-bureau')?.id).toBe('410726000000:petition-bureau');
    expect(directory.competentAt('410726000000', 'labour').map((u) => u.id)).toEqual(['410726000000:dept-hrss']);
    expect(directory.competentAt('410726101000', 'labour')).toEqual([]);
  });

  it('finds the known divisions of a place and labels it', () => {
    expect(directory.placeChain('410726101202')).toEqual(['410700000000', '410726000000', '410726101000', '410726101202']);
    expect(directory.placeChain('410726101299')).toEqual(['410700000000', '410726000000', '410726101000']);
    expect(directory.placeLabel('410726101202')).toBe('新乡市延津县东屯镇水花堡村');
  });

  it('walks a unit up its parents', () => {
    expect(directory.ancestors('410726101201:village-committee').map((u) => u.id)).toEqual([
      '410726101000:government',
      '410726000000:government',
      '410700000000:government',
    ]);
  });
});

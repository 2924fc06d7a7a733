import { divisionChildren } from './division-children';

describe('divisionChildren', () => {
  it('lists the county-level divisions of a city (development zones included), with their names, in code order', async () => {
    const counties = await divisionChildren('410700000000');
    expect(counties.map((c) => `${c.code} ${c.name}`)).toEqual([
      '410702000000 红旗区',
      '410703000000 卫滨区',
      '410704000000 凤泉区',
      '410711000000 牧野区',
      '410721000000 新乡县',
      '410724000000 获嘉县',
      '410725000000 原阳县',
      '410726000000 延津县',
      '410727000000 封丘县',
      '410771000000 新乡高新技术产业开发区',
      '410772000000 新乡经济技术开发区',
      '410773000000 新乡市平原城乡一体化示范区',
      '410781000000 卫辉市',
      '410782000000 辉县市',
      '410783000000 长垣市',
    ]);
    expect(counties.every((c) => c.level === 'county' && !c.leaf)).toBe(true);
  });

  it('lists a county’s townships and a township’s villages (leaves, people’s names)', async () => {
    const townships = await divisionChildren('410726000000');
    expect(townships.find((t) => t.code === '410726101000')).toEqual({
      code: '410726101000',
      name: '东屯镇',
      level: 'township',
      leaf: false,
    });
    expect(townships.every((t) => t.code.startsWith('410726') && t.level === 'township')).toBe(true);
    const villages = await divisionChildren('410726101000');
    expect(villages.find((v) => v.code === '410726101201')).toEqual({ code: '410726101201', name: '东屯村', level: 'village', leaf: true });
    expect(villages.every((v) => v.code.startsWith('410726101'))).toBe(true);
  });

  it('has nothing under a village, and nothing for a code the data does not know', async () => {
    expect(await divisionChildren('410726101201')).toEqual([]);
    expect(await divisionChildren('999900000000')).toEqual([]);
  });
});

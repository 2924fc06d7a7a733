import type { OrgUnitSnapshot } from '@sunshine/contracts';

import { changedUnitDraft, newUnitDraft, sameTrust } from './unit-draft';

const ARCHIVES: OrgUnitSnapshot = {
  id: '410700000000:dept-archives',
  name: '新乡市档案馆',
  kind: 'dept-archives',
  divisionCode: '410700000000',
  level: 'city',
  territoryPath: ['410700000000'],
  parentId: null,
  competences: ['other'],
  nonAdministrative: false,
  revision: 4,
};

describe('unit drafts of change requests', () => {
  it('moves a unit to another territory with the level and territory path of its new division code, keeping its name', () => {
    expect(changedUnitDraft(ARCHIVES, { divisionCode: '410726101000', kind: 'township-office' })).toEqual({
      id: '410700000000:dept-archives',
      name: '新乡市档案馆',
      kind: 'township-office',
      divisionCode: '410726101000',
      level: 'township',
      territoryPath: ['410700000000', '410726000000', '410726101000'],
      parentId: null,
      competences: ['other'],
      nonAdministrative: false,
    });
  });

  it('names a new unit <divisionCode>:<kind> unless given an id', () => {
    const draft = newUnitDraft({
      name: '延津县档案局',
      kind: 'dept-archives',
      divisionCode: '410726000000',
      parentId: null,
      competences: [],
      nonAdministrative: false,
    });
    expect([draft.id, draft.level, draft.territoryPath]).toEqual([
      '410726000000:dept-archives',
      'county',
      ['410700000000', '410726000000'],
    ]);
  });

  it('tells a trust-bearing change from a rename, whatever the order of competences', () => {
    expect(sameTrust(ARCHIVES, { ...ARCHIVES, name: '新乡市档案局' })).toBe(true);
    expect(sameTrust({ ...ARCHIVES, competences: ['a', 'b'] }, { ...ARCHIVES, competences: ['b', 'a'] })).toBe(true);
    expect(sameTrust(ARCHIVES, { ...ARCHIVES, kind: 'petition-bureau' })).toBe(false);
    expect(sameTrust(ARCHIVES, { ...ARCHIVES, parentId: '410700000000:petition-bureau' })).toBe(false);
    expect(sameTrust(ARCHIVES, { ...ARCHIVES, nonAdministrative: true })).toBe(false);
  });
});

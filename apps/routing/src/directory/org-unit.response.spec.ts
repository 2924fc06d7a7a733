import { orgUnitListSchema, orgUnitSchema } from './org-unit.response';

// A unit as the directory answers it (hand-written: 东屯镇人民政府 of the demo city).
const dongtun = {
  id: '410726101000:government',
  name: '东屯镇人民政府',
  kind: 'government',
  divisionCode: '410726101000',
  level: 'township',
  territoryPath: ['410700000000', '410726000000', '410726101000'],
  parentId: '410726000000:government',
  competences: [],
  nonAdministrative: false,
  revision: 3,
};

describe('the documented answers of the org directory', () => {
  it('parses a unit and a page of units as the service answers them', () => {
    expect(orgUnitSchema.parse(dongtun)).toEqual(dongtun);
    expect(orgUnitListSchema.parse({ items: [dongtun], total: 1 })).toEqual({ items: [dongtun], total: 1 });
  });

  it('refuses a level outside the vocabulary and a page without its total', () => {
    expect(orgUnitSchema.safeParse({ ...dongtun, level: 'district' }).success).toBe(false);
    expect(orgUnitListSchema.safeParse({ items: [dongtun] }).success).toBe(false);
  });
});

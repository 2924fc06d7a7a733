import { canSee, type Viewer, type VisibilityFacts } from './visibility';

const COUNTY = '410726000000';
const bureau: Viewer = { unitId: `${COUNTY}:petition-bureau`, divisionCode: COUNTY, bureau: true, service: false };
const hrss: Viewer = { unitId: `${COUNTY}:dept-hrss`, divisionCode: COUNTY, bureau: false, service: false };
const housing: Viewer = { unitId: `${COUNTY}:dept-housing`, divisionCode: COUNTY, bureau: false, service: false };

const labourCase: VisibilityFacts = {
  type: 'claim',
  heldBy: ['410700000000:petition-bureau', `${COUNTY}:petition-bureau`, `${COUNTY}:dept-hrss`],
  involvedUnits: ['410700000000:petition-bureau', `${COUNTY}:petition-bureau`, `${COUNTY}:dept-hrss`],
  territoryCodes: ['410000000000', '410700000000', COUNTY, '410726101000'],
  accusedUnitId: null,
};

describe('canSee', () => {
  it('shows a case to the units that held it and hides it from other departments', () => {
    expect(canSee(hrss, labourCase)).toBe(true);
    expect(canSee(housing, labourCase)).toBe(false);
  });

  it('shows a bureau every case of its territory, and no case outside it', () => {
    const elsewhere = { ...labourCase, heldBy: ['x:y'], involvedUnits: ['x:y'], territoryCodes: ['410781000000'] };
    expect(canSee({ ...bureau, unitId: 'other-bureau' }, labourCase)).toBe(true);
    expect(canSee(bureau, elsewhere)).toBe(false);
  });

  it('never shows an accusation to the accused unit, nor to a bureau that never held it', () => {
    const accusation: VisibilityFacts = {
      type: 'accusation',
      heldBy: ['410700000000:petition-bureau', '410700000000:discipline'],
      involvedUnits: ['410700000000:petition-bureau', '410700000000:discipline'],
      territoryCodes: ['410700000000', COUNTY],
      accusedUnitId: `${COUNTY}:dept-hrss`,
    };
    expect(canSee(hrss, accusation)).toBe(false);
    expect(canSee(bureau, accusation)).toBe(false);
    expect(canSee({ ...bureau, unitId: '410700000000:discipline', bureau: false }, accusation)).toBe(true);
    expect(canSee(hrss, { ...accusation, heldBy: [...accusation.heldBy, hrss.unitId], involvedUnits: [hrss.unitId] })).toBe(false);
  });

  it('gives service callers no case through this check', () => {
    expect(canSee({ ...bureau, service: true }, labourCase)).toBe(false);
  });
});

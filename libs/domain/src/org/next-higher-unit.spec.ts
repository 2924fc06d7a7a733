import type { OrgUnitSnapshot } from '@sunshine/contracts';

import { nextHigherUnit } from './next-higher-unit';
import { OrgDirectory } from './org-directory';

const unit = (id: string, kind: string, parentId: string | null): OrgUnitSnapshot => ({
  id,
  name: id,
  kind,
  divisionCode: '410726000000',
  level: 'county',
  territoryPath: ['410700000000', '410726000000'],
  parentId,
  competences: [],
  nonAdministrative: false,
  revision: 1,
});

const directory = OrgDirectory.of([
  unit('410700000000:government', 'government', null),
  unit('410726000000:government', 'government', '410700000000:government'),
  unit('410726000000:party-committee', 'party-committee', null),
  unit('410726000000:dept-hrss', 'dept-hrss', '410726000000:government'),
  unit('410726000000:dept-media', 'dept-media', '410726000000:party-committee'),
]);

describe('nextHigherUnit', () => {
  it('sends a department’s reply for review to its government, and the review on to the upper government', () => {
    expect(nextHigherUnit(directory, '410726000000:dept-hrss')?.id).toBe('410726000000:government');
    expect(nextHigherUnit(directory, '410726000000:government')?.id).toBe('410700000000:government');
  });

  it('takes the unit the petitioner addressed when it lies above the replying unit', () => {
    expect(nextHigherUnit(directory, '410726000000:dept-hrss', '410700000000:government')?.id).toBe('410700000000:government');
    expect(nextHigherUnit(directory, '410726000000:dept-hrss', '410726000000:dept-media')?.id).toBe('410726000000:government');
  });

  it('falls back to the nearest unit above, and to nothing at the top', () => {
    expect(nextHigherUnit(directory, '410726000000:dept-media')?.id).toBe('410726000000:party-committee');
    expect(nextHigherUnit(directory, '410700000000:government')).toBeUndefined();
  });
});

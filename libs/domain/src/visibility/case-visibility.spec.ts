import type { PayloadOf } from '@sunshine/contracts';

import type { EvolvableEvent } from '../lifecycle/evolve';
import { fold } from '../lifecycle/fold';
import { XINXIANG } from '../routing/__fixtures__/routing.fixture';
import { caseAccess, caseViewerOf, caseVisibilityFacts } from './case-visibility';

const T0 = '2025-03-03T01:00:00.000Z';
const COUNTY_BUREAU = '410726000000:petition-bureau';
const TOWNSHIP = '410726101000';

function accusationAgainst(accusedUnitId: string, receivingUnitId = COUNTY_BUREAU): EvolvableEvent[] {
  const payload: PayloadOf<'petition.registered'> = {
    caseNumber: '410726-2025-000009',
    channel: 'visit',
    form: { kind: 'individual' },
    type: 'accusation',
    category: 'other',
    placeCode: TOWNSHIP,
    receivingUnitId,
    receivedAt: T0,
    registeredAt: T0,
    petitionerRef: '0190a6b2-7c3e-7a1b-8c2d-0000000000cc',
    accusedUnitId,
    flags: { skipLevel: false, confidential: true, lawsuit: false },
    attachmentCount: 0,
  };
  return [{ id: 'e1', type: 'petition.registered', version: 1, occurredAt: T0, caseId: 'c9', payload }];
}

const levelOf = (events: EvolvableEvent[], unitId: string) =>
  caseAccess(caseVisibilityFacts(fold(events).state, XINXIANG), caseViewerOf(unitId, XINXIANG, '')).access;

describe('who may know of an accusation against a township government (Art 30, 46)', () => {
  const events = accusationAgainst(`${TOWNSHIP}:government`);

  it.each([
    [`${TOWNSHIP}:government`, 'the accused government itself'],
    [`${TOWNSHIP}:petition-office`, 'its petition office (under the government)'],
    [`${TOWNSHIP}:discipline`, 'the township discipline office (same government)'],
  ])('shows nothing to %s — %s', (unitId) => {
    expect(levelOf(events, unitId)).toBe('none');
  });

  it('shows nothing to a village committee under the township', () => {
    const village = XINXIANG.units.find((u) => u.kind === 'village-committee' && u.divisionCode.startsWith('410726101'));
    expect(village).toBeDefined();
    expect(levelOf(events, village?.id ?? '')).toBe('none');
  });

  it('gives the county discipline commission (one level above) and the city one the dossier', () => {
    expect(levelOf(events, '410726000000:discipline')).toBe('full');
    expect(levelOf(events, '410700000000:discipline')).toBe('full');
  });

  it('leaves the bare facts to the registering county bureau and the city bureau, nothing to the county government', () => {
    expect(levelOf(events, COUNTY_BUREAU)).toBe('facts-only');
    expect(levelOf(events, '410700000000:petition-bureau')).toBe('facts-only');
    expect(levelOf(events, '410726000000:government')).toBe('none');
  });

  it('keeps the township petition office blind even when it registered the accusation itself', () => {
    expect(levelOf(accusationAgainst(`${TOWNSHIP}:government`, `${TOWNSHIP}:petition-office`), `${TOWNSHIP}:petition-office`)).toBe('none');
  });
});

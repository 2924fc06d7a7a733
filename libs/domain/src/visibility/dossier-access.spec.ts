import type { PayloadOf } from '@sunshine/contracts';

import { BUREAU as COUNTY_BUREAU, CITY_BUREAU, DEPT as HRSS, registeredPayload, T0 } from '../lifecycle/__fixtures__/case.fixtures';
import type { EvolvableEvent } from '../lifecycle/evolve';
import { fold } from '../lifecycle/fold';
import { XINXIANG } from '../routing/__fixtures__/routing.fixture';
import { DEFAULT_ROUTING_RULE_SET } from '../routing/default-rule-set';
import { dossierAccess } from './dossier-access';

const HOUSING = '410726000000:dept-housing';

/** A letter about a village of 东屯镇, registered at the county bureau. */
const registered = (over: Partial<PayloadOf<'petition.registered'>> = {}) =>
  registeredPayload({ channel: 'letter', placeCode: '410726101202', ...over });

function caseOf(payload: PayloadOf<'petition.registered'>, dispatchedTo?: string) {
  const events: EvolvableEvent[] = [{ id: 'e1', type: 'petition.registered', version: 1, occurredAt: T0, caseId: 'c1', payload }];
  if (dispatchedTo) {
    events.push({
      id: 'e2',
      type: 'case.dispatched',
      version: 1,
      occurredAt: T0,
      caseId: 'c1',
      payload: {
        stage: 'original',
        fromUnitId: COUNTY_BUREAU,
        toUnitId: dispatchedTo,
        mode: 'forward',
        rule: { id: 'r', version: 1 },
        reasons: ['x'],
        hop: 1,
      },
    });
  }
  return fold(events).state;
}

const access = (state: ReturnType<typeof caseOf>, viewerUnitId: string) =>
  dossierAccess({ state, viewerUnitId, directory: XINXIANG, ruleSet: DEFAULT_ROUTING_RULE_SET }).access;

describe('dossierAccess', () => {
  it('gives the full dossier to a unit that holds or held the case and to the bureaus of its territory', () => {
    const state = caseOf(registered(), HRSS);
    expect(access(state, HRSS)).toBe('full');
    expect(access(state, COUNTY_BUREAU)).toBe('full');
    expect(access(state, CITY_BUREAU)).toBe('full');
  });

  it('shows nothing to a unit that never held the case and oversees no territory of it', () => {
    expect(access(caseOf(registered(), HRSS), HOUSING)).toBe('none');
    expect(access(caseOf(registered(), HRSS), 'no-such-unit')).toBe('none');
  });

  it('keeps an accusation from the accused unit, and its accuser from everyone outside the discipline chain', () => {
    const accusation = registered({
      type: 'accusation',
      category: 'other',
      accusedUnitId: HOUSING,
      flags: { skipLevel: false, confidential: true, lawsuit: false },
    });
    const competent = XINXIANG.units.find((u) => u.kind === 'discipline' && u.divisionCode === '410700000000');
    expect(competent).toBeDefined();
    const state = caseOf(accusation, competent?.id);
    expect(access(state, HOUSING)).toBe('none');
    expect(access(state, COUNTY_BUREAU)).toBe('facts-only');
    expect(access(state, CITY_BUREAU)).toBe('facts-only');
    expect(access(state, competent?.id ?? '')).toBe('full');
    // The county's discipline organ is not the one with authority over a county department (the level above is).
    expect(access(state, '410726000000:discipline')).toBe('none');
  });

  it('lets the competent discipline organ read an accusation before it reached it', () => {
    const accusation = registered({
      type: 'accusation',
      category: 'other',
      accusedUnitId: HRSS,
      flags: { skipLevel: false, confidential: true, lawsuit: false },
    });
    expect(access(caseOf(accusation), '410700000000:discipline')).toBe('full');
    expect(access(caseOf(accusation), HRSS)).toBe('none');
  });
});

import type { Jurisdiction } from '@sunshine/contracts';

import type { CaseState } from '../lifecycle/case-state';
import { divisionLineage } from './division-code';
import type { OrgDirectory } from './org-directory';

/** Division codes from the city down (the envelope's convention: the province is left out). */
export function cityDown(code: string | null | undefined): string[] {
  if (!code) return [];
  const lineage = divisionLineage(code);
  return lineage.length > 1 ? lineage.slice(1) : lineage;
}

/** The unit an event is about: where it was sent, else the unit that acted or was rated, else the case's holder. */
export function unitConcerned(state: CaseState, payload?: unknown): string | null {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  for (const key of ['toUnitId', 'unitId', 'ratedUnitId']) {
    const value = p[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return state.holdingUnitId ?? state.receivingUnitId;
}

/**
 * The envelope's jurisdiction of an event about this case: the place's divisions and those of the unit it concerns,
 * from the directory (never parsed out of a unit id). Every producer uses it, citizen events included.
 */
export function jurisdictionOf(state: CaseState, directory: OrgDirectory, payload?: unknown): Jurisdiction {
  const unitId = unitConcerned(state, payload);
  return { place: cityDown(state.placeCode), unit: cityDown(unitId ? directory.get(unitId)?.divisionCode : null) };
}

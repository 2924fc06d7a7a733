import type { Jurisdiction } from '@sunshine/contracts';
import { divisionLineage } from '@sunshine/domain';

const UNIT_DIVISION = /^(\d{12}):/;

/** The division code a unit id starts with (`410726000000:dept-hrss` → `410726000000`), if it has one. */
export function divisionOfUnit(unitId: string | null | undefined): string | null {
  return unitId ? (UNIT_DIVISION.exec(unitId)?.[1] ?? null) : null;
}

/** Division codes from the city down (the envelope's convention: the province is left out). */
export function cityDown(code: string | null): string[] {
  if (!code) return [];
  const lineage = divisionLineage(code);
  return lineage.length > 1 ? lineage.slice(1) : lineage;
}

/** The envelope's jurisdiction for an event about a case at `placeCode` that concerns `unitId`. */
export function jurisdictionOf(placeCode: string | null, unitId: string | null): Jurisdiction {
  return { place: cityDown(placeCode), unit: cityDown(divisionOfUnit(unitId)) };
}

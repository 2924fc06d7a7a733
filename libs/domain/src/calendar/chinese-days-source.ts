// The package's static JSON, not its functions: chinese-days builds its lookup table when the module loads, by
// reading dates in the process's time zone, so west of UTC every key it holds is one day early (see the spec).
// The JSON was generated once, at the package's build, and is the same on every machine.
import chineseDaysJson from 'chinese-days/dist/chinese-days.json';
import { z } from 'zod';

import type { YearArrangement } from './year-arrangement';

export const CHINESE_DAYS_SOURCE = 'chinese-days@1.5.7';

const dayMapSchema = z.record(z.iso.date(), z.string());
const chineseDaysSchema = z.object({ holidays: dayMapSchema, workdays: dayMapSchema });

/** The arrangements chinese-days ships (2004 through 2026 in 1.5.7), one per year, as plain dates. */
export function chineseDaysArrangements(): YearArrangement[] {
  const data = chineseDaysSchema.parse(chineseDaysJson);
  const byYear = new Map<number, YearArrangement>();
  const yearEntry = (date: string): YearArrangement => {
    const year = Number(date.slice(0, 4));
    let entry = byYear.get(year);
    if (!entry) {
      entry = { year, holidays: [], workdays: [], source: CHINESE_DAYS_SOURCE };
      byYear.set(year, entry);
    }
    return entry;
  };
  for (const date of Object.keys(data.holidays)) yearEntry(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) yearEntry(date).workdays.push(date);
  return [...byYear.values()]
    .map((a) => ({ ...a, holidays: [...a.holidays].sort(), workdays: [...a.workdays].sort() }))
    .sort((a, b) => a.year - b.year);
}

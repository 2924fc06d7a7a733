// chinese-days' functions, used here only where they do not depend on the process's time zone (see below and the spec).
import { getLunarDate, getSolarTermDate } from 'chinese-days';

import { addDays, type LocalDate } from './local-date';

/**
 * The holidays of 《全国年节及纪念日放假办法》 for all citizens (全体公民放假的节日), as revised by 国务院令第795号
 * (2024-11-10, in force 2025-01-01), Art. 2:
 * 元旦 1 day (1 Jan); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (农历清明当日); 劳动节 2 days (5月1日、2日);
 * 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日); 国庆节 3 days (10月1日至3日).
 */
export type StatutoryHoliday = 'new-year' | 'spring-festival' | 'qingming' | 'labour-day' | 'dragon-boat' | 'mid-autumn' | 'national-day';

export const STATUTORY_HOLIDAY_NAMES: Readonly<Record<StatutoryHoliday, { zh: string; en: string }>> = {
  'new-year': { zh: '元旦', en: "New Year's Day" },
  'spring-festival': { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  'labour-day': { zh: '劳动节', en: 'Labour Day' },
  'dragon-boat': { zh: '端午节', en: 'Dragon Boat Festival' },
  'mid-autumn': { zh: '中秋节', en: 'Mid-Autumn Festival' },
  'national-day': { zh: '国庆节', en: 'National Day' },
};

/** The first year the 2024 revision governs. An earlier year without data keeps the plain Mon–Fri guess. */
export const STATUTORY_RULES_FROM_YEAR = 2025;
/** chinese-days' lunar table covers 1900–2100 and its converter stops before 2100: later years keep Mon–Fri. */
export const STATUTORY_RULES_TO_YEAR = 2099;

/**
 * The first year whose State Council arrangement is named here by its holidays (`holidayDaysOf`): the 1999 revision
 * (国务院令第270号) gave 元旦、春节、劳动节、国庆节; 国务院令第513号 (in force 2008-01-01) added 清明、端午、中秋, so
 * from 2008 the same seven holidays are the days off (later revisions changed only how many days each has).
 */
export const HOLIDAY_NAMES_FROM_YEAR = 2000;
const SEVEN_HOLIDAYS_FROM_YEAR = 2008;
const HOLIDAYS_SINCE_2008: readonly StatutoryHoliday[] = ['qingming', 'dragon-boat', 'mid-autumn'];

/** One year's statutory days off: date → the holiday(s) it belongs to (two may coincide, e.g. 中秋 on 10月3日). */
export type StatutoryYear = ReadonlyMap<LocalDate, readonly StatutoryHoliday[]>;

const cache = new Map<number, StatutoryYear>();

/**
 * The statutory holidays of `year` (Asia/Shanghai dates), or `undefined` outside
 * [STATUTORY_RULES_FROM_YEAR, STATUTORY_RULES_TO_YEAR]. Only the days the law names: no bridging days and no
 * make-up workdays (调休), and no substitute day off (补假) for a holiday on a weekend: those come with the State
 * Council's arrangement for the year. Computed once per year, then cached.
 */
export function statutoryHolidaysOf(year: number): StatutoryYear | undefined {
  if (year < STATUTORY_RULES_FROM_YEAR) return undefined;
  return holidayDaysOf(year);
}

/**
 * The days of the holidays in `year` as the 2024 revision counts them (除夕 to 初三, 5月1日–2日, 10月1日–3日, and the
 * one-day holidays; before 2008 only 元旦、春节、劳动节、国庆节), or `undefined` outside [HOLIDAY_NAMES_FROM_YEAR,
 * STATUTORY_RULES_TO_YEAR]. Before 2025 these are not the law's days off (劳动节 had three days before 2008, then one): use them
 * only to name a published arrangement's run of days off by the holiday(s) it contains (WorkingCalendar.dayInfo).
 */
export function holidayDaysOf(year: number): StatutoryYear | undefined {
  if (!Number.isInteger(year) || year < HOLIDAY_NAMES_FROM_YEAR || year > STATUTORY_RULES_TO_YEAR) return undefined;
  let days = cache.get(year);
  if (!days) {
    days = computeYear(year);
    cache.set(year, days);
  }
  return days;
}

function computeYear(year: number): StatutoryYear {
  const days = new Map<LocalDate, StatutoryHoliday[]>();
  const add = (date: LocalDate, holiday: StatutoryHoliday): void => {
    const names = days.get(date);
    if (!names) days.set(date, [holiday]);
    else if (!names.includes(holiday)) names.push(holiday);
  };
  const y = String(year).padStart(4, '0');
  const lunar = lunarDaysOf(year, [
    [1, 1],
    [5, 5],
    [8, 15],
  ]);
  const newYear = lunar.get('1-1');
  const dragonBoat = lunar.get('5-5');
  const midAutumn = lunar.get('8-15');
  if (!newYear || !dragonBoat || !midAutumn) throw new RangeError(`chinese-days has no lunar data for ${year}`);

  add(`${y}-01-01`, 'new-year');
  // 除夕 is the last day of the 12th month (the 29th or the 30th): the day before 正月初一. 正月初一 falls between
  // 21 Jan and 20 Feb, so 除夕 is always in the same Gregorian year.
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), 'spring-festival');
  add(qingmingOf(year), 'qingming');
  add(`${y}-05-01`, 'labour-day');
  add(`${y}-05-02`, 'labour-day');
  add(dragonBoat, 'dragon-boat');
  add(midAutumn, 'mid-autumn');
  for (const d of ['01', '02', '03']) add(`${y}-10-${d}`, 'national-day');
  const held = (h: StatutoryHoliday) => year >= SEVEN_HOLIDAYS_FROM_YEAR || !HOLIDAYS_SINCE_2008.includes(h);
  return new Map(
    [...days]
      .map(([date, names]) => [date, names.filter(held)] as const)
      .filter(([, names]) => names.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * Finds the Gregorian dates in `year` of the given lunar month/day (regular months, never a leap month).
 * `getLunarDate('YYYY-MM-DD')` reads the string as UTC midnight and measures whole days from a UTC base instant, so
 * its lunar fields are the same in every zone; its own `date` field is NOT (it prints with local getters), so the
 * date used here is the string passed in.
 */
function lunarDaysOf(year: number, wanted: ReadonlyArray<readonly [number, number]>): Map<string, LocalDate> {
  const keys = new Set(wanted.map(([m, d]) => `${m}-${d}`));
  const found = new Map<string, LocalDate>();
  const first = `${String(year).padStart(4, '0')}-01-01`;
  for (let date = first; date.startsWith(first.slice(0, 5)); date = addDays(date, 1)) {
    const l = getLunarDate(date);
    const key = `${l.lunarMon}-${l.lunarDay}`;
    if (l.isLeap || !keys.has(key)) continue;
    if (found.has(key)) throw new RangeError(`lunar ${key} found twice in ${year}: check chinese-days' data`);
    found.set(key, date);
  }
  return found;
}

/**
 * The day of the 清明 solar term. `getSolarTermDate` computes the day of the month with a formula (no Date), then
 * reads `YYYY-M-D` as UTC midnight and prints it with the process zone's getters: west of UTC it prints the day
 * before. `getLunarDate(x).date` goes through exactly the same parse and print, so the true date is the candidate
 * (the printed day or the next one) that chinese-days prints as the same string. No zone is read here.
 */
function qingmingOf(year: number): LocalDate {
  const printed = getSolarTermDate(year, 4, 'pure_brightness');
  for (const candidate of [printed, addDays(printed, 1)]) {
    if (getLunarDate(candidate).date === printed) return candidate;
  }
  throw new RangeError(`cannot read the 清明 date of ${year} from chinese-days (${printed})`);
}

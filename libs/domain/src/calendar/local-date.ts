import { z } from 'zod';

/**
 * A plain calendar date as people in Asia/Shanghai read it: `YYYY-MM-DD`.
 * Never a `Date` in the process's time zone: all arithmetic here is on UTC fields, so the result is the same on
 * every machine whatever its TZ.
 */
export type LocalDate = string;

export const localDateSchema = z.iso.date();

/** A date a user may ask about (a KPI period, an export day): 2000–2099, so a year 0020 is a 400, never a 500 downstream. */
export const askedDateSchema = localDateSchema.refine(
  (d) => d >= '2000-01-01' && d <= '2099-12-31',
  '日期须在2000年至2099年之间 / the date must lie between 2000 and 2099',
);

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(date: LocalDate): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`no such calendar date: ${date}`);
  }
  return ms;
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Throws a RangeError unless `value` is a real `YYYY-MM-DD` date; returns it unchanged. */
export function assertLocalDate(value: string): LocalDate {
  toUtcMs(value);
  return value;
}

export function isLocalDate(value: string): boolean {
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function yearOf(date: LocalDate): number {
  return Number(assertLocalDate(date).slice(0, 4));
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toUtcMs(a) - toUtcMs(b);
}

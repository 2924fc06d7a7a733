import { addDays, assertLocalDate, type LocalDate } from './local-date';

/** China Standard Time is UTC+08:00 all year (no daylight saving since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an instant: a `Date` or an ISO-8601 string WITH its offset (`Z` or `+08:00`). A string without an offset
 * would be read in the process's zone, which is exactly the bug this module exists to avoid, so it is refused.
 */
export function instantMs(instant: string | Date): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return ms;
  }
  if (!ZONED_INSTANT.test(instant)) {
    throw new RangeError(`instant needs an ISO-8601 offset (Z or ±hh:mm): ${instant}`);
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant: ${instant}`);
  return ms;
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: string | Date): LocalDate {
  return new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 Asia/Shanghai of `date`, as a UTC ISO instant (the previous day 16:00Z). */
export function shanghaiStartOfDay(date: LocalDate): string {
  return `${addDays(assertLocalDate(date), -1)}T16:00:00.000Z`;
}

/** 24:00 Asia/Shanghai of `date` (= the next day 00:00 +08:00 = `date` 16:00Z), as a UTC ISO instant. */
export function shanghaiEndOfDay(date: LocalDate): string {
  return `${assertLocalDate(date)}T16:00:00.000Z`;
}

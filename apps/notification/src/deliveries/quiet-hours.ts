import { SHANGHAI_OFFSET_MS } from '@sunshine/domain';

const DAY_MS = 86_400_000;

/**
 * When a non-urgent SMS to a petitioner may go: `now`, or the end of the quiet hours (Asia/Shanghai) when `now` lies in
 * them. `quiet` is [start, end) in minutes after 00:00 Shanghai; a start after the end wraps past midnight (21:00–08:00).
 */
export function afterQuietHours(now: Date, quiet: { readonly start: number; readonly end: number } | null): Date {
  if (!quiet || quiet.start === quiet.end) return now;
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const minute = Math.floor((local % DAY_MS) / 60_000);
  const wraps = quiet.start > quiet.end;
  const inQuiet = wraps ? minute >= quiet.start || minute < quiet.end : minute >= quiet.start && minute < quiet.end;
  if (!inQuiet) return now;
  const midnight = local - (local % DAY_MS);
  const endDay = wraps && minute >= quiet.start ? midnight + DAY_MS : midnight;
  return new Date(endDay + quiet.end * 60_000 - SHANGHAI_OFFSET_MS);
}

import {
  addDays,
  CalendarTrace,
  defaultWorkingCalendar,
  instantMs,
  type LocalDate,
  shanghaiDateOf,
  shanghaiEndOfDay,
  type WorkingCalendar,
} from '../calendar';
import type { ClockSpec, ClockUnit } from './clock-spec';
import { DeadlineError } from './deadline-error';

/** A stretch of time that does not count (e.g. a hearing, Art 36). `to` absent = still running. */
export interface ClockPause {
  kind: string;
  from: string | Date;
  to?: string | Date;
}

export interface DeadlineInput {
  /** The instant of the start event (UTC instant); its Asia/Shanghai date is the start day, not counted. */
  startAt: string | Date;
  /** Issuer-set clocks only (交办 feedback, supervision order): the days the bureau gave. */
  amount?: number;
  /** Approved extension, in the clock's unit (≤ the spec's `extensionMaxDays`). */
  extensionDays?: number;
  /** Pauses of any kind: only those in the spec's `pausedBy` count. */
  pauses?: readonly ClockPause[];
  /** "Now", needed only to measure a pause that has not ended. */
  asOf?: string | Date;
}

export interface Deadline {
  kind: string;
  article: string;
  unit: ClockUnit;
  amount: number;
  startAt: string;
  startDay: LocalDate;
  /** The period's last day (Asia/Shanghai), after extension, pauses and the move off a rest day. */
  lastDay: LocalDate;
  /** 24:00 Asia/Shanghai of `lastDay` as a UTC instant (`lastDay`T16:00:00.000Z). */
  dueAt: string;
  extensionDays: number;
  /** Days not counted because of pauses, in the clock's unit. */
  pausedDays: number;
  /** A counted pause is still open: the due date moves on each day until it ends. */
  paused: boolean;
  provisional: boolean;
  unpublishedYears: number[];
}

/**
 * Computes a deadline the way 《民法典》第201–203条 count periods:
 * - the start day is not counted; a period of N days ends at 24:00 Asia/Shanghai of its last day;
 * - calendar days: last day = start day + N (+ extension + paused days); if that day is not a working day the
 *   period ends on the first working day after it. The extension and pauses are added BEFORE that move, so a
 *   period is only ever moved once, off the day it would really have ended on;
 * - working days: last day = the Nth working day after the start day (+ extension + paused working days).
 * - pauses: a pause covers every Asia/Shanghai day it touches (a two-hour hearing stops the clock for that whole
 *   day; one ending exactly at 00:00 does not touch the next day), overlapping pauses count once, days up to the
 *   start day are ignored. For a working-day clock only the working days inside a pause are added.
 */
export function computeDeadline(spec: ClockSpec, input: DeadlineInput, calendar: WorkingCalendar = defaultWorkingCalendar()): Deadline {
  const amount = resolveAmount(spec, input.amount);
  const extensionDays = resolveExtension(spec, input.extensionDays ?? 0);
  const startAt = new Date(instantMs(input.startAt)).toISOString();
  const startDay = shanghaiDateOf(startAt);
  const trace = new CalendarTrace();
  const pause = pausedDates(spec, input, startDay);
  let pausedDays = pause.dates.length;
  let lastDay: LocalDate;
  if (spec.unit === 'calendar-day') {
    const moved = calendar.nextWorkingDayOnOrAfter(addDays(startDay, amount + extensionDays + pausedDays));
    trace.merge(moved);
    lastDay = moved.value;
  } else {
    pausedDays = pause.dates.filter((d) => trace.note(calendar.dayInfo(d)).working).length;
    const nth = calendar.addWorkingDays(startDay, amount + extensionDays + pausedDays);
    trace.merge(nth);
    lastDay = nth.value;
  }
  const { provisional, unpublishedYears } = trace.result(lastDay);
  return {
    kind: spec.kind,
    article: spec.article,
    unit: spec.unit,
    amount,
    startAt,
    startDay,
    lastDay,
    dueAt: shanghaiEndOfDay(lastDay),
    extensionDays,
    pausedDays,
    paused: pause.open,
    provisional,
    unpublishedYears,
  };
}

function resolveAmount(spec: ClockSpec, given: number | undefined): number {
  if (spec.amount === null) {
    if (given === undefined || !Number.isInteger(given) || given < 1) {
      throw new DeadlineError('AMOUNT_REQUIRED', `clock ${spec.kind} is set by the issuer: give a whole number of days ≥ 1`);
    }
    return given;
  }
  if (given !== undefined && given !== spec.amount) {
    throw new DeadlineError('AMOUNT_FIXED', `clock ${spec.kind} is fixed at ${spec.amount} by ${spec.article}`);
  }
  return spec.amount;
}

function resolveExtension(spec: ClockSpec, days: number): number {
  if (!Number.isInteger(days) || days < 0) throw new DeadlineError('EXTENSION_NOT_ALLOWED', `bad extension: ${days}`);
  if (days > 0 && spec.extensionMaxDays === 0) {
    throw new DeadlineError('EXTENSION_NOT_ALLOWED', `clock ${spec.kind} cannot be extended`);
  }
  if (days > spec.extensionMaxDays) {
    throw new DeadlineError(
      'EXTENSION_EXCEEDS_MAX',
      `clock ${spec.kind}: extension ${days} > ${spec.extensionMaxDays} days (${spec.article})`,
    );
  }
  return days;
}

function pausedDates(spec: ClockSpec, input: DeadlineInput, startDay: LocalDate): { dates: LocalDate[]; open: boolean } {
  const dates = new Set<LocalDate>();
  let open = false;
  for (const p of input.pauses ?? []) {
    if (!spec.pausedBy.includes(p.kind)) continue;
    if (p.to === undefined) {
      if (input.asOf === undefined) {
        throw new DeadlineError('OPEN_PAUSE_NEEDS_AS_OF', `an open ${p.kind} pause needs asOf to be measured`);
      }
      open = true;
    }
    const fromMs = instantMs(p.from);
    const toMs = instantMs(p.to ?? (input.asOf as string | Date));
    if (toMs <= fromMs) continue;
    const last = shanghaiDateOf(new Date(toMs - 1));
    for (let d = shanghaiDateOf(new Date(fromMs)); d <= last; d = addDays(d, 1)) {
      if (d > startDay) dates.add(d);
    }
  }
  return { dates: [...dates].sort(), open };
}

import type { Stage } from '@sunshine/contracts';

import { instantMs, type LocalDate, shanghaiDateOf, type WorkingCalendar } from '../calendar';
import type { ClockFacts } from '../lifecycle/case-state';
import { type ClockEffect, clockEffects, type ClockEvent } from './clock-effects';
import { type ClockDueOutcome, clockRuleFor } from './clock-rules';
import { type ClockPause, computeDeadline } from './compute-deadline';
import { clockSpecFor, type DeadlinePolicy } from './deadline-policy';
import { isLate } from './is-late';

/** What every clock is counted with: the working calendar, the jurisdictions' policies, and "now". */
export interface ClockContext {
  readonly calendar: WorkingCalendar;
  readonly policies: readonly DeadlinePolicy[];
  /** "Now": measures a pause that has not ended and tells which windows have closed. */
  readonly asOf: Date | string;
}

/** running | paused (a counted pause is open) | satisfied (the fact came) | ended (superseded, or the case ended). */
export type ClockRecordStatus = 'running' | 'paused' | 'satisfied' | 'ended';

/** One clock of a case, as the clock effects leave it (the ledger stores these; clockHistory folds them). */
export interface ClockRecord {
  /** `${startEventId}/${kind}/${subject ?? ''}` when started by applyClockEffects (a ledger may keep its own ids). */
  readonly id: string;
  readonly kind: string;
  readonly stage: Stage;
  readonly unitId: string;
  readonly subject: string | null;
  readonly article: string;
  /** The instant the period runs from (UTC ISO). */
  readonly startAt: string;
  /** Issuer-set clocks (交办 feedback, a supervision order's answer): the due instant the issuer gave. */
  readonly givenDueAt: string | null;
  /** Days of approved extension (counted up to the clock's maximum). */
  readonly extensionDays: number;
  readonly pauses: readonly ClockPause[];
  readonly divisionCode: string | null;
  readonly startEventId: string;
  readonly onDue: ClockDueOutcome;
  readonly warns: boolean;
  readonly status: ClockRecordStatus;
  readonly stoppedAt: string | null;
  /** Satisfied after its due (null while it runs, or when it ended without its fact). */
  readonly late: boolean | null;
}

/** The due of a clock as the calendar and the policies count it now. */
export interface ClockDeadline {
  readonly dueAt: string;
  /** The period's last day (Asia/Shanghai). */
  readonly lastDay: LocalDate;
  /** Counted on a year whose official holiday arrangement is not published: may move when it is. */
  readonly provisional: boolean;
  readonly unpublishedYears: readonly number[];
  /** A counted pause is open: the due moves on each day until it ends. */
  readonly paused: boolean;
  /** The extension that counts (an approval beyond the clock's maximum is cut to it). */
  readonly extensionDays: number;
}

export type ClockDueInput = Pick<ClockRecord, 'kind' | 'startAt' | 'givenDueAt' | 'extensionDays' | 'pauses' | 'divisionCode'>;

/**
 * The due of a clock record (《民法典》201–203 on the context's calendar, the policy in force at its place). An
 * issuer-set due is taken as given, provisional when its year's holidays are not published. Throws a DeadlineError
 * when the clock's kind is not in force (e.g. a policy removed it).
 */
export function clockDeadline(record: ClockDueInput, ctx: ClockContext): ClockDeadline {
  if (record.givenDueAt !== null) {
    const lastDay = shanghaiDateOf(new Date(instantMs(record.givenDueAt) - 1));
    const year = Number(lastDay.slice(0, 4));
    const unpublishedYears = ctx.calendar.isPublished(year) ? [] : [year];
    return {
      dueAt: new Date(instantMs(record.givenDueAt)).toISOString(),
      lastDay,
      provisional: unpublishedYears.length > 0,
      unpublishedYears,
      paused: false,
      extensionDays: 0,
    };
  }
  const spec = clockSpecFor(record.kind, { policies: ctx.policies, divisionCode: record.divisionCode ?? undefined });
  const extensionDays = Math.min(record.extensionDays, spec.extensionMaxDays);
  const d = computeDeadline(spec, { startAt: record.startAt, extensionDays, pauses: record.pauses, asOf: ctx.asOf }, ctx.calendar);
  return {
    dueAt: d.dueAt,
    lastDay: d.lastDay,
    provisional: d.provisional,
    unpublishedYears: d.unpublishedYears,
    paused: d.paused,
    extensionDays,
  };
}

interface Remembered {
  readonly calendar: WorkingCalendar;
  readonly policies: readonly DeadlinePolicy[];
  readonly due: ClockDeadline | null;
}
/** Dues of records without an open pause (they do not depend on "now"), per record object (records are immutable). */
const remembered = new WeakMap<ClockDueInput, Remembered>();

/** The record's due, or null when it cannot be counted; remembered while the calendar and policies stay the same. */
function deadlineOrNull(record: ClockDueInput, ctx: ClockContext): ClockDeadline | null {
  const openPause = record.pauses.some((p) => p.to === undefined);
  const known = openPause ? undefined : remembered.get(record);
  if (known !== undefined && known.calendar === ctx.calendar && known.policies === ctx.policies) return known.due;
  let due: ClockDeadline | null;
  try {
    due = clockDeadline(record, ctx);
  } catch {
    due = null;
  }
  if (!openPause) remembered.set(record, { calendar: ctx.calendar, policies: ctx.policies, due });
  return due;
}

/** The due of a record as the fold counts it (null when it cannot be counted), at `asOf` for an open pause. */
export function recordDeadline(record: ClockRecord, ctx: ClockContext): ClockDeadline | null {
  return deadlineOrNull(record, ctx);
}

const isOpen = (r: ClockRecord): boolean => r.status === 'running' || r.status === 'paused';

/**
 * Whether a window (rating, review request) or a unit's right (objection) has closed at `at`: such a clock stops at
 * its due (supervision records the expiry); a duty runs on, overdue, until its fact comes.
 */
export function clockClosedAt(record: ClockRecord, at: Date | string, ctx: ClockContext): boolean {
  if (!isOpen(record) || record.onDue.kind === 'overdue') return false;
  const due = deadlineOrNull(record, { ...ctx, asOf: at });
  return due !== null && isLate(at, due);
}

/** The clocks still waiting for their fact at `at`: the ones an event at `at` can stop or move. */
export function openClocksAt(records: readonly ClockRecord[], at: Date | string, ctx: ClockContext): ClockRecord[] {
  return records.filter((r) => isOpen(r) && !clockClosedAt(r, at, ctx));
}

type Adjustment = Exclude<ClockEffect, { op: 'start' | 'stop' }>;

function adjusted(record: ClockRecord, effect: Adjustment): ClockRecord {
  if (effect.op === 'retarget') return { ...record, unitId: effect.unitId };
  if (effect.op === 'extend') return { ...record, extensionDays: record.extensionDays + effect.days };
  const pauses = [...record.pauses];
  const openIndex = pauses.findIndex((p) => p.kind === effect.pause && p.to === undefined);
  if (effect.edge === 'start' && openIndex < 0) pauses.push({ kind: effect.pause, from: effect.at });
  const open = pauses[openIndex];
  if (effect.edge === 'end' && open) pauses[openIndex] = { ...open, to: effect.at };
  return { ...record, pauses, status: pauses.some((p) => p.to === undefined) ? 'paused' : 'running' };
}

function started(
  effect: Extract<ClockEffect, { op: 'start' }>,
  event: ClockEvent & { readonly id: string },
  ctx: ClockContext,
): ClockRecord | null {
  const rule = clockRuleFor(effect.spec.kind);
  let startAt: string;
  let givenDueAt: string | null;
  try {
    startAt = new Date(instantMs(effect.startAt)).toISOString();
    givenDueAt = effect.dueAt === null ? null : new Date(instantMs(effect.dueAt)).toISOString();
  } catch {
    return null;
  }
  const record: ClockRecord = {
    id: `${event.id}/${effect.spec.kind}/${effect.subject ?? ''}`,
    kind: effect.spec.kind,
    stage: effect.stage,
    unitId: effect.unitId,
    subject: effect.subject,
    article: effect.spec.article,
    startAt,
    givenDueAt,
    extensionDays: 0,
    pauses: [],
    divisionCode: effect.divisionCode,
    startEventId: event.id,
    onDue: rule.onDue,
    warns: rule.warns,
    status: 'running',
    stoppedAt: null,
    late: null,
  };
  // A clock whose due cannot be counted (its kind is not in force) is not started.
  return deadlineOrNull(record, { ...ctx, asOf: event.occurredAt }) === null ? null : record;
}

/**
 * Applies the effects of one event (clockEffects) to the case's clock records: starts (once per id), stops (late when
 * satisfied at or after the due, counted at the event's instant), extensions, pauses and new units. Pure; returns the
 * records, the new ones last.
 */
export function applyClockEffects(
  records: readonly ClockRecord[],
  effects: readonly ClockEffect[],
  event: ClockEvent & { readonly id: string },
  ctx: ClockContext,
): ClockRecord[] {
  const next = [...records];
  for (const effect of effects) {
    if (effect.op === 'start') {
      const record = started(effect, event, ctx);
      if (record && !next.some((r) => r.id === record.id)) next.push(record);
      continue;
    }
    const index = next.findIndex((r) => r.id === effect.clockId);
    const record = next[index];
    if (record === undefined || !isOpen(record)) continue;
    if (effect.op === 'stop') {
      const due = effect.reason === 'satisfied' ? deadlineOrNull(record, { ...ctx, asOf: event.occurredAt }) : null;
      next[index] = {
        ...record,
        status: effect.reason,
        stoppedAt: event.occurredAt,
        late: due === null ? null : isLate(event.occurredAt, due),
      };
    } else {
      next[index] = adjusted(record, effect);
    }
  }
  return next;
}

/**
 * One event's step of a case's clocks, as the ledger takes it: the clocks open at the event's instant, the effects
 * the event has on them (facts: the case after it), applied.
 */
export function stepClocks(
  records: readonly ClockRecord[],
  event: ClockEvent & { readonly id: string },
  facts: ClockFacts,
  ctx: ClockContext,
): { readonly records: ClockRecord[]; readonly effects: ClockEffect[] } {
  const running = openClocksAt(records, event.occurredAt, ctx);
  const effects = clockEffects(event, facts, running, { policies: ctx.policies });
  return { records: applyClockEffects(records, effects, event, ctx), effects };
}

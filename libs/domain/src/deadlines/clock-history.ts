import type { Stage } from '@sunshine/contracts';

import type { LocalDate } from '../calendar';
import type { CaseState } from '../lifecycle/case-state';
import { type ClockContext, type ClockRecord, recordDeadline, stepClocks } from './clock-record';
import type { ClockDueOutcome } from './clock-rules';
import { clockSpecFor } from './deadline-policy';
import { isLate } from './is-late';

/**
 * A clock of the case as every view shows it. `status` adds `expired` to the record's: a window or a unit's right
 * whose due has passed (supervision marks it expired or lapsed at that instant).
 */
export interface CaseClock {
  readonly id: string;
  readonly kind: string;
  readonly article: string;
  /** The clock's name in Chinese (the spec's label, else its kind). */
  readonly label: string;
  readonly stage: Stage;
  readonly unitId: string;
  readonly subject: string | null;
  /** The event that started it. */
  readonly startEventId: string;
  readonly startAt: string;
  /** The period's last day (Asia/Shanghai). */
  readonly lastDay: LocalDate;
  /** 24:00 Asia/Shanghai of `lastDay` (UTC ISO); a duty done at or after it is late. */
  readonly dueAt: string;
  /** Counted on a year whose official holidays are not published: may move when they are. */
  readonly provisional: boolean;
  readonly unpublishedYears: readonly number[];
  /** Stopped by an open hearing (Art 36): the due moves on each day until it ends. */
  readonly paused: boolean;
  readonly extensionDays: number;
  readonly onDue: ClockDueOutcome;
  readonly status: 'running' | 'paused' | 'satisfied' | 'ended' | 'expired';
  /** A duty still running past its due at `asOf`. */
  readonly overdue: boolean;
  readonly stoppedAt: string | null;
  readonly late: boolean | null;
}

/**
 * Every clock record of the case: the fold of the clock effects over its clock log, event by event exactly as the
 * ledger applies them. Independent of `asOf`.
 */
export function clockRecordsOf(state: CaseState, ctx: ClockContext): ClockRecord[] {
  let records: ClockRecord[] = [];
  for (const entry of state.clockLog) {
    const event = { id: entry.eventId, type: entry.type, occurredAt: entry.occurredAt, payload: entry.payload };
    records = stepClocks(records, event, entry.facts, ctx).records;
  }
  return records;
}

function labelOf(record: ClockRecord, ctx: ClockContext): string {
  try {
    return clockSpecFor(record.kind, { policies: ctx.policies, divisionCode: record.divisionCode ?? undefined }).label ?? record.kind;
  } catch {
    return record.kind;
  }
}

/** A record as the views show it at `ctx.asOf`; null when its due cannot be counted (its kind is no longer in force). */
export function caseClockOf(record: ClockRecord, ctx: ClockContext): CaseClock | null {
  // A stopped clock's due is the one it had when it stopped (an open pause no longer moves it).
  const asOf = record.stoppedAt ?? ctx.asOf;
  const due = recordDeadline(record, { ...ctx, asOf });
  if (due === null) return null;
  const open = record.status === 'running' || record.status === 'paused';
  // A window or a unit's right closes at its due (clockClosedAt, with the due just counted).
  const expired = open && record.onDue.kind !== 'overdue' && isLate(ctx.asOf, due);
  return {
    id: record.id,
    kind: record.kind,
    article: record.article,
    label: labelOf(record, ctx),
    stage: record.stage,
    unitId: record.unitId,
    subject: record.subject,
    startEventId: record.startEventId,
    startAt: record.startAt,
    lastDay: due.lastDay,
    dueAt: due.dueAt,
    provisional: due.provisional,
    unpublishedYears: due.unpublishedYears,
    paused: open && due.paused,
    extensionDays: due.extensionDays,
    onDue: record.onDue,
    status: expired ? 'expired' : record.status,
    overdue: open && record.onDue.kind === 'overdue' && isLate(ctx.asOf, due),
    stoppedAt: record.stoppedAt,
    late: record.late,
  };
}

/** Every clock the case ever ran, in the order they started, as of `ctx.asOf`. */
export function clockHistory(state: CaseState, ctx: ClockContext): CaseClock[] {
  return clockRecordsOf(state, ctx)
    .map((r) => caseClockOf(r, ctx))
    .filter((c): c is CaseClock => c !== null);
}

/** The clocks still running (or paused) at `ctx.asOf`, in every stage (a stage's rating window outlives it). */
export function runningClocks(state: CaseState, ctx: ClockContext): CaseClock[] {
  return clockHistory(state, ctx).filter((c) => c.status === 'running' || c.status === 'paused');
}

import type { CitizenWindow, Stage } from '@sunshine/contracts';
import { type ClockDeadline, type ClockDueOutcome, type ClockPause, type ClockRecord, clockRuleFor } from '@sunshine/domain';

export type ClockStatus = 'running' | 'paused' | 'overdue' | 'satisfied' | 'ended' | 'expired' | 'lapsed';
/** Statuses of a clock still waiting for its fact (an overdue clock can still be satisfied, late). */
export const OPEN_CLOCK_STATUSES: readonly ClockStatus[] = ['running', 'paused', 'overdue'];

/** One row of the deadline ledger. Instants are ISO strings (UTC); `lastDay` a plain Asia/Shanghai date. */
export interface ClockRow {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly stage: Stage;
  readonly unitId: string;
  readonly subject: string | null;
  readonly article: string;
  readonly startEventId: string;
  readonly startEventType: string;
  readonly startAt: string;
  readonly givenDueAt: string | null;
  readonly extensionDays: number;
  readonly pauses: readonly ClockPause[];
  readonly divisionCode: string | null;
  readonly onDue: 'overdue' | 'window-expired' | 'lapse';
  readonly windowName: CitizenWindow | null;
  readonly warns: boolean;
  readonly dueAt: string;
  readonly lastDay: string;
  readonly provisional: boolean;
  readonly unpublishedYears: readonly number[];
  readonly status: ClockStatus;
  readonly late: boolean | null;
  readonly nextCheckAt: string | null;
  readonly stoppedAt: string | null;
}

export const CLOCK_COLUMNS = `id, case_id, kind, stage, unit_id, subject, article, start_event_id, start_event_type, start_at,
  given_due_at, extension_days, pauses, division_code, on_due, window_name, warns, due_at, last_day, provisional,
  unpublished_years, status, late, next_check_at, stopped_at`;

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

export function clockRowOf(r: Record<string, unknown>): ClockRow {
  return {
    id: String(r['id']),
    caseId: String(r['case_id']),
    kind: String(r['kind']),
    stage: r['stage'] as Stage,
    unitId: String(r['unit_id']),
    subject: (r['subject'] as string | null) ?? null,
    article: String(r['article']),
    startEventId: String(r['start_event_id']),
    startEventType: String(r['start_event_type']),
    startAt: iso(r['start_at']),
    givenDueAt: isoOrNull(r['given_due_at']),
    extensionDays: Number(r['extension_days']),
    pauses: (r['pauses'] as ClockPause[] | null) ?? [],
    divisionCode: (r['division_code'] as string | null) ?? null,
    onDue: r['on_due'] as ClockRow['onDue'],
    windowName: (r['window_name'] as CitizenWindow | null) ?? null,
    warns: Boolean(r['warns']),
    dueAt: iso(r['due_at']),
    lastDay: String(r['last_day']),
    provisional: Boolean(r['provisional']),
    unpublishedYears: ((r['unpublished_years'] as number[] | null) ?? []).map(Number),
    status: r['status'] as ClockStatus,
    late: (r['late'] as boolean | null) ?? null,
    nextCheckAt: isoOrNull(r['next_check_at']),
    stoppedAt: isoOrNull(r['stopped_at']),
  };
}

/** The ledger row as the domain's clock record (an overdue clock still waits for its fact: running). */
export function clockRecordOf(row: ClockRow): ClockRecord {
  const onDue: ClockDueOutcome =
    row.onDue === 'window-expired'
      ? row.windowName !== null
        ? { kind: 'window-expired', window: row.windowName }
        : clockRuleFor(row.kind).onDue
      : { kind: row.onDue };
  const status: ClockRecord['status'] =
    row.status === 'paused' || row.status === 'satisfied'
      ? row.status
      : row.status === 'running' || row.status === 'overdue'
        ? 'running'
        : 'ended';
  return {
    id: row.id,
    kind: row.kind,
    stage: row.stage,
    unitId: row.unitId,
    subject: row.subject,
    article: row.article,
    startAt: row.startAt,
    givenDueAt: row.givenDueAt,
    extensionDays: row.extensionDays,
    pauses: row.pauses,
    divisionCode: row.divisionCode,
    startEventId: row.startEventId,
    onDue,
    warns: row.warns,
    status,
    stoppedAt: row.stoppedAt,
    late: row.late,
  };
}

/** A new row for a clock the domain started, with its due counted now. */
export function newClockRow(
  record: ClockRecord,
  ids: { readonly id: string; readonly caseId: string; readonly startEventType: string },
  due: ClockDeadline,
): ClockRow {
  return {
    id: ids.id,
    caseId: ids.caseId,
    kind: record.kind,
    stage: record.stage,
    unitId: record.unitId,
    subject: record.subject,
    article: record.article,
    startEventId: record.startEventId,
    startEventType: ids.startEventType,
    startAt: record.startAt,
    givenDueAt: record.givenDueAt,
    extensionDays: record.extensionDays,
    pauses: record.pauses,
    divisionCode: record.divisionCode,
    onDue: record.onDue.kind,
    windowName: record.onDue.kind === 'window-expired' ? record.onDue.window : null,
    warns: record.warns,
    dueAt: due.dueAt,
    lastDay: due.lastDay,
    provisional: due.provisional,
    unpublishedYears: due.unpublishedYears,
    status: 'running',
    late: null,
    nextCheckAt: null,
    stoppedAt: null,
  };
}

import { isoOf } from '@sunshine/platform';

/** The facts of a case every view of it shows, read from a `case_replica` row. */
export interface CaseCore {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: string | null;
  readonly stage: string;
  readonly type: string | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  readonly holdingUnitId: string | null;
}

export function caseCoreOf(r: Record<string, unknown>): CaseCore {
  return {
    caseId: String(r['case_id']),
    caseNumber: (r['case_number'] as string | null) ?? null,
    status: (r['status'] as string | null) ?? null,
    stage: String(r['stage']),
    type: (r['type'] as string | null) ?? null,
    category: (r['category'] as string | null) ?? null,
    placeCode: (r['place_code'] as string | null) ?? null,
    holdingUnitId: (r['holding_unit_id'] as string | null) ?? null,
  };
}

/** One case in a list of the city view. */
export interface CaseListItem extends CaseCore {
  readonly registeredAt: string | null;
  readonly updatedAt: string;
  /** A clock of the case ran out and its fact has not come yet. */
  readonly overdue: boolean;
  readonly supervised: boolean;
  readonly leaderRef: string | null;
  readonly backlog: boolean;
}

/** When the case last changed: its last event's instant (the replica's own `updated_at` is the wall clock of the write). */
export const CASE_UPDATED_AT = `coalesce((v.state ->> 'lastEventAt')::timestamptz, v.updated_at)`;

/** Columns for CaseListItem from `case_replica v`. */
export const CASE_LIST_COLUMNS = `v.case_id, v.case_number, v.status, v.stage, v.type, v.category, v.place_code, v.holding_unit_id,
  v.registered_at, ${CASE_UPDATED_AT} AS updated_at, v.state -> 'flags' AS flags,
  EXISTS (SELECT 1 FROM deadline_clocks c WHERE c.case_id = v.case_id AND c.status = 'overdue') AS overdue`;

const iso = isoOf;

export function caseListItemOf(r: Record<string, unknown>): CaseListItem {
  const flags = (r['flags'] ?? {}) as { supervised?: boolean; leaderRef?: string | null; backlog?: boolean };
  return {
    ...caseCoreOf(r),
    registeredAt: iso(r['registered_at']),
    updatedAt: iso(r['updated_at']) ?? '',
    overdue: Boolean(r['overdue']),
    supervised: Boolean(flags.supervised),
    leaderRef: flags.leaderRef ?? null,
    backlog: Boolean(flags.backlog),
  };
}

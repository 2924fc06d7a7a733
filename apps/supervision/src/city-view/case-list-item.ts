import { type CaseCore, caseCoreColumns, caseCoreOf, isoOf } from '@sunshine/platform';

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
export const CASE_LIST_COLUMNS = `${caseCoreColumns('v')},
  v.registered_at, ${CASE_UPDATED_AT} AS updated_at, v.state -> 'flags' AS flags,
  EXISTS (SELECT 1 FROM deadline_clocks c WHERE c.case_id = v.case_id AND c.status = 'overdue') AS overdue`;

export function caseListItemOf(r: Record<string, unknown>): CaseListItem {
  const flags = (r['flags'] ?? {}) as { supervised?: boolean; leaderRef?: string | null; backlog?: boolean };
  return {
    ...caseCoreOf(r),
    registeredAt: isoOf(r['registered_at']),
    updatedAt: isoOf(r['updated_at']) ?? '',
    overdue: Boolean(r['overdue']),
    supervised: Boolean(flags.supervised),
    leaderRef: flags.leaderRef ?? null,
    backlog: Boolean(flags.backlog),
  };
}

import { BUREAU_KINDS, type CaseState, type ClockContext, inboxDue, type OrgDirectory } from '@sunshine/domain';

/**
 * Why a case waits at a bureau's dispatch desk: `objection-pending`, `objected-twice`, `objection-approved`,
 * `awaiting-dispatch`, or the manual-dispatch reason code (`no-rule-matched`, `rule-error`, …).
 */
export type DeskReason = string;

/** The bureau's dispatch desk a case waits at, and why. */
export interface Desk {
  readonly unitId: string;
  readonly reason: DeskReason;
}

/**
 * The inbox's due (the replica's `due_at`, RoutingDueResolver): the next duty the holding unit must meet (dispatch,
 * the acceptance decision, handling, 交办 feedback, an order's answer), from the domain's clocks of the case.
 */
export function caseDueAt(state: CaseState, clocks: ClockContext): string | null {
  return inboxDue(state, clocks)?.dueAt ?? null;
}

/** The bureau whose dispatch desk must act: it decides a pending objection, or must dispatch a case it holds. */
export function deskOf(state: CaseState, directory: OrgDirectory): Desk | null {
  const pending = state.objections.pending;
  if (pending) {
    return {
      unitId: pending.bureauUnitId,
      reason: state.flags.manualDispatch === 'objected-twice' ? 'objected-twice' : 'objection-pending',
    };
  }
  if (state.status !== 'registered' && state.status !== 'dispatched') return null;
  const holder = state.holdingUnitId ? directory.get(state.holdingUnitId) : undefined;
  if (!holder || !BUREAU_KINDS.includes(holder.kind)) return null;
  const backFromObjection = state.status === 'dispatched' && state.lastDispatch?.fromUnitId === holder.id;
  return { unitId: holder.id, reason: state.flags.manualDispatch ?? (backFromObjection ? 'objection-approved' : 'awaiting-dispatch') };
}

import { EventCatalog, isEventType } from '@sunshine/contracts';
import {
  BUREAU_KINDS,
  divisionLineage,
  inboxDue,
  involvedUnitIds,
  type CaseState,
  type ClockContext,
  type EvolvableEvent,
  type OrgDirectory,
} from '@sunshine/domain';

/**
 * Why a case waits at a bureau's dispatch desk: `objection-pending`, `objected-twice`, `objection-approved`,
 * `awaiting-dispatch`, or the manual-dispatch reason code (`no-rule-matched`, `rule-error`, …).
 */
export type DeskReason = string;

/** The columns of `cases` derived from the folded state (visibility, desk) beside the state itself. */
export interface CaseColumns {
  readonly territoryCodes: string[];
  readonly involvedUnits: string[];
  readonly assistingUnitIds: string[];
  readonly desk: { readonly unitId: string; readonly reason: DeskReason } | null;
  readonly objectedTwice: boolean;
}

/**
 * Visibility from the projection (DESIGN §3): the territories of the place and of every unit that ever held the
 * case; the units involved (held it or assist), never the accused unit of an accusation.
 */
export function caseColumns(state: CaseState, directory: OrgDirectory): CaseColumns {
  const codes = new Set<string>();
  if (state.placeCode) for (const c of divisionLineage(state.placeCode)) codes.add(c);
  for (const unitId of state.heldBy) {
    const unit = directory.get(unitId);
    if (unit) for (const c of divisionLineage(unit.divisionCode)) codes.add(c);
  }
  return {
    territoryCodes: [...codes].sort(),
    involvedUnits: involvedUnitIds(state),
    assistingUnitIds: [...state.assistingUnitIds],
    desk: deskOf(state, directory),
    objectedTwice: state.objections.count >= 2,
  };
}

/**
 * The `due_at` column, for sorting and filtering the inbox: the next duty the holding unit must meet (dispatch, the
 * acceptance decision, handling, 交办 feedback, an order's answer), from the domain's clocks of the case.
 */
export function caseDueAt(state: CaseState, clocks: ClockContext): string | null {
  return inboxDue(state, clocks)?.dueAt ?? null;
}

/** The bureau whose dispatch desk must act: it decides a pending objection, or must dispatch a case it holds. */
export function deskOf(state: CaseState, directory: OrgDirectory): CaseColumns['desk'] {
  const pending = state.objections.pending;
  if (pending) {
    return { unitId: pending.bureauUnitId, reason: state.flags.manualDispatch === 'objected-twice' ? 'objected-twice' : 'objection-pending' };
  }
  if (state.status !== 'registered' && state.status !== 'dispatched') return null;
  const holder = state.holdingUnitId ? directory.get(state.holdingUnitId) : undefined;
  if (!holder || !BUREAU_KINDS.includes(holder.kind)) return null;
  const backFromObjection = state.status === 'dispatched' && state.lastDispatch?.fromUnitId === holder.id;
  return { unitId: holder.id, reason: state.flags.manualDispatch ?? (backFromObjection ? 'objection-approved' : 'awaiting-dispatch') };
}

/**
 * The case's revision, the version clients send back (If-Match / expectedVersion): it moves with every fact a
 * clerk acts on (intake's and routing's events), not with supervision's warnings or notification's receipts, so a
 * deadline warning never makes a clerk's action fail.
 */
export function revisionAfter(revision: number, events: readonly EvolvableEvent[]): number {
  return revision + events.filter((e) => isEventType(e.type) && ['intake', 'routing'].includes(EventCatalog[e.type].producer)).length;
}

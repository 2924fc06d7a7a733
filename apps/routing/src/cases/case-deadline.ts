import {
  BUREAU_KINDS,
  deadlineFor,
  stageRecord,
  type CaseState,
  type DeadlineContext,
  type OrgDirectory,
  type StageRecord,
} from '@sunshine/domain';

/**
 * The next deadline the holding unit must meet, for sorting and filtering the inbox (supervision owns the clocks;
 * this is the same computation with the domain library): a bureau's dispatch (Art 22), a unit's acceptance decision
 * (Art 23), handling (Art 34, review Art 35, re-review Art 36) or the 交办 feedback date, whichever comes first.
 */
export function currentDueAt(state: CaseState, directory: OrgDirectory): string | null {
  const holder = state.holdingUnitId ? directory.get(state.holdingUnitId) : undefined;
  const record = stageRecord(state);
  const ctx: DeadlineContext = state.placeCode ? { divisionCode: state.placeCode } : {};
  try {
    switch (state.status) {
      case 'registered':
      case 'dispatched': {
        if (holder && BUREAU_KINDS.includes(holder.kind)) {
          const start = state.lastDispatch?.toUnitId === holder.id ? record.dispatchedAt : state.receivedAt;
          return start ? deadlineFor('dispatch', { startAt: start }, ctx).dueAt : null;
        }
        const start = state.status === 'registered' ? state.receivedAt : record.dispatchedAt;
        return start ? deadlineFor('acceptance', { startAt: start }, ctx).dueAt : null;
      }
      case 'signed':
        return record.dispatchedAt ? deadlineFor('acceptance', { startAt: record.dispatchedAt }, ctx).dueAt : null;
      case 'accepted':
      case 'in-progress':
        return earliest([handlingDue(state, record, ctx), state.lastDispatch?.feedbackDueAt ?? null]);
      default:
        return null;
    }
  } catch {
    // A clock that cannot be computed (e.g. a policy error) leaves the case unsorted rather than failing the event.
    return null;
  }
}

function handlingDue(state: CaseState, record: StageRecord, ctx: DeadlineContext): string | null {
  if (state.stage === 'review') {
    const start = state.stages.original?.nextStageRequestedAt ?? record.openedAt;
    return start ? deadlineFor('review-handling', { startAt: start }, ctx).dueAt : null;
  }
  if (state.stage === 're-review') {
    const start = state.stages.review?.nextStageRequestedAt ?? record.openedAt;
    return start ? deadlineFor('re-review-handling', { startAt: start }, ctx).dueAt : null;
  }
  if (state.type !== 'claim' || !record.acceptedAt) return null;
  return deadlineFor('handling', { startAt: record.acceptedAt, extensionDays: record.extensionDays }, ctx).dueAt;
}

function earliest(dates: ReadonlyArray<string | null>): string | null {
  const present = dates.filter((d): d is string => d !== null).sort();
  return present[0] ?? null;
}

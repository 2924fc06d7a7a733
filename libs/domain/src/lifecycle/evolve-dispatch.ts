import { addUnique, evolverTable, hold, patchFlags, patchStage, updateStage } from './evolve-helpers';

/** How routing's dispatch, receipt, acceptance and objection facts change a case. */
export const dispatchEvolvers = evolverTable({
  'case.dispatched': (state, p, meta) => {
    const moved = hold(
      {
        ...state,
        status: 'dispatched',
        stage: p.stage,
        handlerId: null,
        lastDispatch: {
          fromUnitId: p.fromUnitId,
          toUnitId: p.toUnitId,
          mode: p.mode,
          hop: p.hop,
          feedbackDueAt: p.feedbackDueAt ?? null,
        },
        assignment: p.mode === 'assign' ? { unitId: p.toUnitId, bureauUnitId: p.fromUnitId } : state.assignment,
        assignments:
          p.mode === 'assign'
            ? [
                ...state.assignments.filter((a) => a.unitId !== p.toUnitId),
                { unitId: p.toUnitId, bureauUnitId: p.fromUnitId, reported: false },
              ]
            : state.assignments,
        flags: { ...state.flags, manualDispatch: null },
      },
      p.toUnitId,
    );
    return patchStage(moved, p.stage, { dispatchedAt: meta.occurredAt });
  },
  'case.manual-dispatch-required': (state, p) => patchFlags(state, { manualDispatch: p.reason.code }),
  'case.signed': (state, p, meta) => patchStage(hold({ ...state, status: 'signed' }, p.unitId), state.stage, { signedAt: meta.occurredAt }),
  'case.handler-assigned': (state, p) => ({ ...state, handlerId: p.handlerId }),
  'case.accepted': (state, p, meta) =>
    updateStage({ ...state, status: 'accepted', claimRoute: p.claimRoute ?? state.claimRoute }, state.stage, (r) => ({
      acceptedAt: r.acceptedAt ?? meta.occurredAt,
      acceptedByUnitId: r.acceptedByUnitId ?? p.unitId,
    })),
  'case.not-accepted': (state, _p, meta) =>
    patchStage({ ...state, status: 'not-accepted' }, state.stage, { notAcceptedAt: meta.occurredAt }),
  'case.objection-raised': (state, p) => ({
    ...state,
    status: 'objection-pending',
    objections: {
      count: state.objections.count + 1,
      pending: { unitId: p.unitId, bureauUnitId: p.bureauUnitId },
      byUnit: addUnique(state.objections.byUnit, p.unitId),
    },
  }),
  // The case goes back to the forwarding bureau, which dispatches it again.
  // The bureau takes its 交办 back from the objecting unit.
  'case.objection-approved': (state, p) =>
    hold(
      {
        ...state,
        status: 'dispatched',
        handlerId: null,
        objections: { ...state.objections, pending: null },
        assignments: state.assignments.filter((a) => a.unitId !== p.unitId),
      },
      p.bureauUnitId,
    ),
  'case.objection-rejected': (state) => ({
    ...state,
    status: 'signed',
    objections: { ...state.objections, pending: null },
  }),
});

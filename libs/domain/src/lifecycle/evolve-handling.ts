import { emptyStageRecord } from './case-state';
import { addUnique, evolverTable, hold, patchFlags, patchStage, updateStage } from './evolve-helpers';

/** How routing's handling, reply and stage facts change a case. */
export const handlingEvolvers = evolverTable({
  'case.assisting-unit-added': (state, p) => ({
    ...state,
    assistingUnitIds: addUnique(state.assistingUnitIds, p.assistingUnitId),
  }),
  'case.assist-contributed': (state) => state,
  'case.handling-started': (state, _p, meta) =>
    patchStage({ ...state, status: 'in-progress' }, state.stage, { handlingStartedAt: meta.occurredAt }),
  'case.hearing-started': (state) => patchFlags(state, { hearingPaused: true }),
  'case.hearing-ended': (state) => patchFlags(state, { hearingPaused: false }),
  'case.extension-requested': (state, p) => patchStage(state, state.stage, { pendingExtensionDays: p.days }),
  'case.extension-approved': (state, p) =>
    updateStage(state, state.stage, (r) => ({ extensionDays: r.extensionDays + p.days, pendingExtensionDays: null })),
  'case.extension-rejected': (state) => patchStage(state, state.stage, { pendingExtensionDays: null }),
  'case.assignment-report-submitted': (state, p, meta) =>
    patchStage(
      { ...state, assignments: state.assignments.map((a) => (a.unitId === p.unitId ? { ...a, reported: true } : a)) },
      state.stage,
      { assignmentReportedAt: meta.occurredAt },
    ),
  'case.replied': (state, p, meta) =>
    patchStage({ ...patchFlags(state, { hearingPaused: false }), status: 'replied', stage: p.stage }, p.stage, {
      repliedAt: meta.occurredAt,
      reply: { unitId: p.unitId, outcome: p.outcome, documentRef: p.replyDocumentRef, approvedBy: p.approvedBy },
    }),
  'case.reply-served': (state, p) => patchStage(state, state.stage, { servedAt: p.servedAt, servedMethod: p.method }),
  // The next stage starts at the higher unit: `dispatched` again, with fresh per-stage facts.
  'case.stage-opened': (state, p, meta) => {
    const opened = hold(
      {
        ...patchFlags(state, { hearingPaused: false, manualDispatch: null }),
        status: 'dispatched',
        stage: p.stage,
        reviewRequested: null,
        assistingUnitIds: [],
        handlerId: null,
        lastDispatch: null,
        assignment: null,
        assignments: [],
      },
      p.unitId,
    );
    return patchStage(opened, p.stage, {
      ...emptyStageRecord,
      openedAt: meta.occurredAt,
      openedAtUnitId: p.unitId,
      dispatchedAt: meta.occurredAt,
    });
  },
  'case.closed': (state, p, meta) => {
    const mergedInto =
      p.reason.code === 'merged' && p.mergedInto ? { caseId: p.mergedInto, caseNumber: p.mergedIntoCaseNumber ?? null } : null;
    const closed = mergedInto ? patchFlags(state, { mergedInto }) : state;
    return patchStage({ ...closed, status: 'closed' }, state.stage, { endedAt: meta.occurredAt });
  },
  'case.finalized': (state, _p, meta) => patchStage({ ...state, status: 'finalized' }, state.stage, { endedAt: meta.occurredAt }),
});

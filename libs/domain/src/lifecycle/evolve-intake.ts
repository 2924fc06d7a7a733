import { emptyStageRecord } from './case-state';
import { evolverTable, hold, patchFlags, patchStage, updateStage } from './evolve-helpers';

/** How intake's facts change a case. */
export const intakeEvolvers = evolverTable({
  'petition.registered': (state, p, meta) => {
    const registered = hold(
      {
        ...state,
        status: 'registered',
        stage: 'original',
        caseNumber: p.caseNumber,
        channel: p.channel,
        type: p.type,
        category: p.category,
        placeCode: p.placeCode,
        receivingUnitId: p.receivingUnitId,
        accusedUnitId: p.accusedUnitId ?? null,
        receivedAt: p.receivedAt,
        registeredAt: p.registeredAt,
        headCount: p.form.kind === 'collective' ? p.form.headCount : 1,
        flags: {
          ...state.flags,
          repeatOf: p.flags.repeatOf ?? null,
          skipLevel: p.flags.skipLevel,
          collective: p.form.kind === 'collective',
          confidential: p.flags.confidential,
          lawsuit: p.flags.lawsuit,
        },
      },
      p.receivingUnitId,
    );
    return patchStage(registered, 'original', {
      ...emptyStageRecord,
      openedAt: meta.occurredAt ?? p.registeredAt,
      openedAtUnitId: p.receivingUnitId,
    });
  },
  'petition.corrected': (state, p) => {
    const c = p.changes;
    const form = c.form;
    const next = {
      ...state,
      channel: c.channel ?? state.channel,
      type: c.type ?? state.type,
      category: c.category ?? state.category,
      placeCode: c.placeCode ?? state.placeCode,
      receivedAt: c.receivedAt ?? state.receivedAt,
      accusedUnitId: c.accusedUnitId ?? state.accusedUnitId,
      headCount: form === undefined ? state.headCount : form.kind === 'collective' ? form.headCount : 1,
    };
    return patchFlags(next, {
      collective: form === undefined ? state.flags.collective : form.kind === 'collective',
      repeatOf: c.flags?.repeatOf ?? state.flags.repeatOf,
      skipLevel: c.flags?.skipLevel ?? state.flags.skipLevel,
      confidential: c.flags?.confidential ?? state.flags.confidential,
      lawsuit: c.flags?.lawsuit ?? state.flags.lawsuit,
    });
  },
  'petition.merged': (state, p) => patchFlags(state, { repeatOf: p.matchedCaseId }),
  'petition.review-requested': (state, p) =>
    patchStage({ ...state, reviewRequested: p.stage }, state.stage, { nextStageRequestedAt: p.requestedAt }),
  // The petitioner's own rating prevails: a callback rating never replaces it (decide refuses one; evolve keeps it too).
  'petition.rated': (state, p) =>
    updateStage(state, p.stage, (r) =>
      r.ratedBy[p.subject] === 'citizen' && p.enteredBy !== 'citizen'
        ? {}
        : { ratings: { ...r.ratings, [p.subject]: p.score }, ratedBy: { ...r.ratedBy, [p.subject]: p.enteredBy } },
    ),
  // Personal data lives in intake only: the case's facts do not change.
  'petition.personal-data-request-decided': (state) => state,
  'petition.withdrawn': (state, _p, meta) =>
    patchStage({ ...state, status: 'withdrawn', reviewRequested: null }, state.stage, { endedAt: meta.occurredAt }),
});

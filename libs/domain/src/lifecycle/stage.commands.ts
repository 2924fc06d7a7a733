import type { CommandOf } from './case-command';
import { hasReviewChain, stageRecord } from './case-selectors';
import type { CaseState } from './case-state';
import { event, notHolder, OPEN_STATUSES, type Outcome, refuse, type SpecTable } from './command-spec';

type StageCommand = 'open-stage' | 'close' | 'close-merged' | 'finalize';

/** Routing's commands that end a stage: open the next one (Art 35, 36), close, or finalize (不再受理, Art 36). */
export const stageCommands: SpecTable<StageCommand> = {
  'open-stage': { from: ['replied'], run: openStage },
  close: { from: ['not-accepted', 'replied'], run: close },
  // 并单: the merged case ends wherever it stands; the case it was merged into carries on.
  'close-merged': { from: OPEN_STATUSES, run: closeMerged },
  finalize: {
    from: ['replied'],
    run: (s, c) =>
      s.stage !== 're-review'
        ? refuse('WRONG_STAGE', 'only a re-review (复核) is final')
        : (notHolder(s, c.payload.unitId) ?? [event('case.finalized', c.payload)]),
  },
};

/** The petitioner's request opens the stage at the next-higher unit (the command names it: routing knows the org). */
function openStage(state: CaseState, command: CommandOf<'open-stage'>): Outcome {
  const p = command.payload;
  if (state.reviewRequested === null) return refuse('NO_REVIEW_REQUESTED');
  if (p.stage !== state.reviewRequested) return refuse('WRONG_STAGE', `requested: ${state.reviewRequested}`);
  const fromUnitId = stageRecord(state).reply?.unitId ?? state.holdingUnitId;
  if (fromUnitId === null) return refuse('INVALID_COMMAND', 'no unit replied in this stage');
  if (p.unitId === fromUnitId) return refuse('INVALID_COMMAND', 'the next stage goes to the next-higher unit');
  return [event('case.stage-opened', { ...p, fromUnitId })];
}

/**
 * Closes a case that was not accepted or was answered. A case with a review chain closes only once its reply was
 * served and no review is pending (normally when the review window passed); a re-review is finalized instead.
 */
function close(state: CaseState, command: CommandOf<'close'>): Outcome {
  const refusal = notHolder(state, command.payload.unitId);
  if (refusal) return refusal;
  if (state.status !== 'replied') return [event('case.closed', command.payload)];
  if (state.stage === 're-review') return refuse('WRONG_STAGE', 'a re-review is finalized, not closed');
  if (state.reviewRequested !== null) return refuse('REVIEW_REQUESTED');
  if (hasReviewChain(state) && stageRecord(state).servedAt === null) return refuse('REPLY_NOT_SERVED');
  return [event('case.closed', command.payload)];
}

/** Ends a case intake merged into another (`flags.repeatOf`, set by petition.merged): reason `merged`, naming that case. */
function closeMerged(state: CaseState, command: CommandOf<'close-merged'>): Outcome {
  const p = command.payload;
  const refusal = notHolder(state, p.unitId);
  if (refusal) return refusal;
  if (p.reason.code !== 'merged') return refuse('INVALID_COMMAND', 'the reason of a merged case is merged');
  if (state.flags.repeatOf === null || p.mergedInto !== state.flags.repeatOf) {
    return refuse('INVALID_COMMAND', `the case was merged into ${state.flags.repeatOf ?? 'no case'}`);
  }
  return [event('case.closed', p)];
}

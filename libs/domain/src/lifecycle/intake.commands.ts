import { nextStage } from '../taxonomy/stages.taxonomy';
import type { CommandOf } from './case-command';
import { hasReviewChain, mayRate, stageRecord } from './case-selectors';
import type { CaseState } from './case-state';
import { ALL_STATUSES, event, OPEN_STATUSES, type Outcome, refuse, type SpecTable } from './command-spec';

type IntakeCommand = 'register' | 'correct' | 'merge' | 'request-review' | 'rate' | 'withdraw' | 'decide-personal-data-request';

/** Intake's commands: registration (有访必录入), corrections, 并单, the citizen's review request, rating and withdrawal. */
export const intakeCommands: SpecTable<IntakeCommand> = {
  register: { from: ['none'], run: (_s, c) => [event('petition.registered', c.payload)] },
  correct: { from: ALL_STATUSES, run: (_s, c) => [event('petition.corrected', c.payload)] },
  merge: {
    from: ALL_STATUSES,
    run: (s, c) =>
      c.payload.matchedCaseId === s.caseId
        ? refuse('INVALID_COMMAND', 'a case cannot repeat itself')
        : [event('petition.merged', c.payload)],
  },
  'request-review': { from: ['replied'], run: requestReview },
  // Any status: a stage's rating window outlives the stage (a review may already be under way).
  rate: { from: ALL_STATUSES, run: rate },
  withdraw: { from: OPEN_STATUSES, run: (_s, c) => [event('petition.withdrawn', c.payload)] },
  // 个人信息更正、删除 (PIPL Art 46, 47): recorded on the case log in any status, so the petitioner is told; the case is unchanged.
  'decide-personal-data-request': { from: ALL_STATUSES, run: (_s, c) => [event('petition.personal-data-request-decided', c.payload)] },
};

/** Art 35, 36: after the written reply is served, a claim on the petition route may go one stage up. */
function requestReview(state: CaseState, command: CommandOf<'request-review'>): Outcome {
  const next = nextStage(state.stage);
  if (next === undefined) return refuse('NO_FURTHER_REVIEW');
  if (!hasReviewChain(state)) return refuse('NOT_REVIEWABLE');
  if (command.payload.stage !== next) return refuse('WRONG_STAGE', `the next stage is ${next}`);
  const record = stageRecord(state);
  if (record.servedAt === null) return refuse('REPLY_NOT_SERVED');
  if (state.reviewRequested !== null) return refuse('REVIEW_REQUESTED');
  // The window for asking for stage X is named X (`review` after the original stage, `re-review` after review).
  if (record.expiredWindows.includes(next)) return refuse('WINDOW_EXPIRED');
  return [event('petition.review-requested', command.payload)];
}

/**
 * Each stage's subject is rated once, after the stage's reply reached the petitioner, inside the rating window; the
 * petitioner's own rating may still replace a staff callback's (mayRate), never the reverse.
 */
function rate(state: CaseState, command: CommandOf<'rate'>): Outcome {
  const record = state.stages[command.payload.stage];
  if (record === undefined || record.servedAt === null) return refuse('REPLY_NOT_SERVED');
  if (!mayRate(record, command.payload.subject, command.payload.enteredBy)) return refuse('ALREADY_RATED');
  if (record.expiredWindows.includes('rating')) return refuse('WINDOW_EXPIRED');
  return [event('petition.rated', command.payload)];
}

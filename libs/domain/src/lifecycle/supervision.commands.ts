import type { CommandOf } from './case-command';
import type { CaseState } from './case-state';
import { ALL_STATUSES, event, OPEN_STATUSES, type Outcome, refuse, type SpecTable } from './command-spec';

type SupervisionCommand =
  | 'warn-deadline'
  | 'mark-overdue'
  | 'expire-window'
  | 'issue-supervision-order'
  | 'answer-supervision-order'
  | 'remind-supervision-order'
  | 'escalate'
  | 'assign-leader'
  | 'register-backlog'
  | 'clear-backlog'
  | 'report-up';

/**
 * Supervision's commands (Art 25, 39, 40): they set flags, never the status. Timing (whether a clock really ran out)
 * is the deadlines module's job; here only what the case's status and facts allow.
 */
export const supervisionCommands: SpecTable<SupervisionCommand> = {
  // Any status: the clock rules decide which clocks outlive the case (a 交办 report still owed after it closed, an
  // order's answer); a clock that ends with the case never falls due after it.
  'warn-deadline': { from: ALL_STATUSES, run: (_s, c) => [event('case.deadline-warning', c.payload)] },
  'mark-overdue': { from: ALL_STATUSES, run: (_s, c) => [event('case.overdue', c.payload)] },
  // Any status: a stage's rating window runs on while the next stage is under way or after the case closed.
  'expire-window': { from: ALL_STATUSES, run: expireWindow },
  'issue-supervision-order': {
    from: OPEN_STATUSES,
    run: (s, c) =>
      s.flags.openOrders.some((o) => o.orderId === c.payload.orderId)
        ? refuse('NO_CHANGE')
        : [event('case.supervision-order-issued', c.payload)],
  },
  // An order can be answered after the case ended.
  'answer-supervision-order': {
    from: ALL_STATUSES,
    run: (s, c) =>
      s.flags.openOrders.some((o) => o.orderId === c.payload.orderId && o.unitId === c.payload.unitId)
        ? [event('case.supervision-order-answered', c.payload)]
        : refuse('UNKNOWN_ORDER'),
  },
  // 催办: an order still open for that unit, like its answer also after the case ended.
  'remind-supervision-order': {
    from: ALL_STATUSES,
    run: (s, c) =>
      s.flags.openOrders.some((o) => o.orderId === c.payload.orderId && o.unitId === c.payload.unitId)
        ? [event('case.supervision-order-reminded', c.payload)]
        : refuse('UNKNOWN_ORDER'),
  },
  escalate: { from: OPEN_STATUSES, run: (_s, c) => [event('case.escalated', c.payload)] },
  'assign-leader': {
    from: OPEN_STATUSES,
    run: (s, c) => (s.flags.leaderRef === c.payload.leaderRef ? refuse('NO_CHANGE') : [event('case.leader-assigned', c.payload)]),
  },
  'register-backlog': {
    from: OPEN_STATUSES,
    run: (s, c) => (s.flags.backlog ? refuse('NO_CHANGE') : [event('case.backlog-registered', c.payload)]),
  },
  'clear-backlog': {
    from: ALL_STATUSES,
    run: (s, c) => (s.flags.backlog ? [event('case.backlog-cleared', c.payload)] : refuse('NO_CHANGE')),
  },
  'report-up': { from: OPEN_STATUSES, run: (_s, c) => [event('case.reported-up', c.payload)] },
};

/** The citizen's windows run from the served reply of the stage they follow; a requested review stops its window. */
function expireWindow(state: CaseState, command: CommandOf<'expire-window'>): Outcome {
  const p = command.payload;
  const record = state.stages[p.stage];
  if (record === undefined || record.servedAt === null) return refuse('REPLY_NOT_SERVED');
  if (p.window === 'review' && p.stage !== 'original') {
    return refuse('INVALID_COMMAND', 'the review window follows the original stage');
  }
  if (p.window === 're-review' && p.stage !== 'review') {
    return refuse('INVALID_COMMAND', 'the re-review window follows the review stage');
  }
  if (record.expiredWindows.includes(p.window)) return refuse('ALREADY_EXPIRED');
  if (p.window !== 'rating' && (state.reviewRequested === p.window || state.stages[p.window] !== undefined)) {
    return refuse('REVIEW_REQUESTED');
  }
  return [event('case.window-expired', p)];
}

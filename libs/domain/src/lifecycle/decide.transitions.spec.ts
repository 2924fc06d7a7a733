import { CaseStatuses } from '@sunshine/contracts';

import { BUREAU, CASE_ID, CITY_BUREAU, commands, COUNTY, DEPT, ORDER_ID, OTHER_CASE_ID, T0, TOWN } from './__fixtures__/case.fixtures';
import type { CaseCommand, CommandName } from './case-command';
import { type CaseState, emptyStageRecord, initialCaseState, type StageRecord } from './case-state';
import type { StatusKey } from './command-spec';
import { allowedCommands, CommandNames, decide } from './decide';

// Commands that set flags or record facts in every status after registration (a clock that outlives the case, such as
// the 交办 report still owed, warns and goes overdue after it ended).
const ANY: CommandName[] = [
  'correct',
  'decide-personal-data-request',
  'merge',
  'rate',
  'expire-window',
  'warn-deadline',
  'mark-overdue',
  'answer-supervision-order',
  'remind-supervision-order',
  'clear-backlog',
];
// Supervision's commands while the case is open, the withdrawal, and the end of a merged case (并单).
const OPEN: CommandName[] = [
  'close-merged',
  'issue-supervision-order',
  'escalate',
  'assign-leader',
  'register-backlog',
  'report-up',
  'withdraw',
];

/**
 * The allowed transitions, written by hand from DESIGN §4 (status × command). decide is tested against every pair:
 * an allowed pair succeeds when the command's other rules are met; any other pair is ILLEGAL_TRANSITION.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<StatusKey, readonly CommandName[]>> = {
  none: ['register'],
  registered: [...ANY, ...OPEN, 'dispatch', 'require-manual-dispatch', 'accept', 'not-accept'],
  dispatched: [...ANY, ...OPEN, 'dispatch', 'require-manual-dispatch', 'sign', 'raise-objection'],
  signed: [...ANY, ...OPEN, 'dispatch', 'assign-handler', 'accept', 'not-accept', 'raise-objection'],
  accepted: [
    ...ANY,
    ...OPEN,
    'assign-handler',
    'add-assisting-unit',
    'contribute-assist',
    'start-handling',
    'request-extension',
    'approve-extension',
    'reject-extension',
    'reply',
  ],
  'not-accepted': [...ANY, ...OPEN, 'submit-assignment-report', 'close'],
  'objection-pending': [...ANY, ...OPEN, 'approve-objection', 'reject-objection'],
  'in-progress': [
    ...ANY,
    ...OPEN,
    'assign-handler',
    'add-assisting-unit',
    'contribute-assist',
    'start-hearing',
    'end-hearing',
    'request-extension',
    'approve-extension',
    'reject-extension',
    'reply',
  ],
  replied: [...ANY, ...OPEN, 'request-review', 'submit-assignment-report', 'serve-reply', 'open-stage', 'close', 'finalize'],
  closed: [...ANY, 'submit-assignment-report', 'serve-reply'],
  finalized: [...ANY, 'submit-assignment-report', 'serve-reply'],
  withdrawn: [...ANY],
};

const reason = { code: 'test' };
const served: Partial<StageRecord> = {
  reply: { unitId: DEPT, outcome: 'explained', documentRef: 'routing:reply:1', approvedBy: 'head-1' },
  repliedAt: T0,
  servedAt: T0,
  servedMethod: 'post',
};

/** A claim forwarded (交办) by the county bureau to the department, which holds it. */
const base: CaseState = {
  ...initialCaseState(CASE_ID),
  type: 'claim',
  receivingUnitId: BUREAU,
  holdingUnitId: DEPT,
  heldBy: [BUREAU, DEPT],
  lastDispatch: { fromUnitId: BUREAU, toUnitId: DEPT, mode: 'assign', hop: 1, feedbackDueAt: null },
  assignment: { unitId: DEPT, bureauUnitId: BUREAU },
};

function withOriginal(state: CaseState, patch: Partial<StageRecord>): CaseState {
  return { ...state, stages: { ...state.stages, original: { ...emptyStageRecord, ...patch } } };
}

interface Scenario {
  readonly command: CaseCommand;
  /** Meets the command's rules other than the status. */
  readonly prepare?: (state: CaseState) => CaseState;
}

const clock = { stage: 'original', unitId: DEPT, dueAt: T0, article: '23' } as const;

const scenarios: Record<CommandName, Scenario> = {
  register: { command: commands.register() },
  correct: { command: { name: 'correct', payload: { changes: { category: 'demolition' }, reason } } },
  merge: { command: { name: 'merge', payload: { matchedCaseId: OTHER_CASE_ID, score: 0.92 } } },
  'request-review': { command: commands.requestReview('review'), prepare: (s) => withOriginal(s, served) },
  rate: { command: commands.rate('original', DEPT), prepare: (s) => withOriginal(s, served) },
  withdraw: { command: commands.withdraw() },
  'decide-personal-data-request': {
    command: {
      name: 'decide-personal-data-request',
      payload: { requestId: '00000000-0000-4000-8000-0000000000d1', kind: 'deletion', outcome: 'refused', code: 'CASE_OPEN' },
    },
  },
  dispatch: { command: commands.dispatch(DEPT, TOWN, 'forward', 2) },
  'require-manual-dispatch': {
    command: { name: 'require-manual-dispatch', payload: { unitId: DEPT, reason: { code: 'no-rule-matched' } } },
  },
  sign: { command: commands.sign(DEPT) },
  'assign-handler': { command: { name: 'assign-handler', payload: { unitId: DEPT, handlerId: 'staff-7' } } },
  accept: { command: commands.accept(DEPT, 'petition') },
  'not-accept': { command: commands.notAccept(DEPT) },
  'raise-objection': { command: commands.raiseObjection(DEPT) },
  'approve-objection': {
    command: commands.approveObjection(BUREAU),
    prepare: (s) => ({ ...s, objections: { count: 1, pending: { unitId: DEPT, bureauUnitId: BUREAU }, byUnit: [DEPT] } }),
  },
  'reject-objection': {
    command: commands.rejectObjection(BUREAU),
    prepare: (s) => ({ ...s, objections: { count: 1, pending: { unitId: DEPT, bureauUnitId: BUREAU }, byUnit: [DEPT] } }),
  },
  'add-assisting-unit': { command: { name: 'add-assisting-unit', payload: { unitId: DEPT, assistingUnitId: TOWN } } },
  'contribute-assist': {
    command: { name: 'contribute-assist', payload: { unitId: TOWN, documentRef: 'routing:assist:1' } },
    prepare: (s) => ({ ...s, assistingUnitIds: [TOWN] }),
  },
  'start-handling': { command: commands.startHandling(DEPT) },
  'start-hearing': { command: { name: 'start-hearing', payload: { unitId: DEPT } } },
  'end-hearing': {
    command: { name: 'end-hearing', payload: { unitId: DEPT } },
    prepare: (s) => ({ ...s, flags: { ...s.flags, hearingPaused: true } }),
  },
  'request-extension': { command: commands.requestExtension(DEPT, 10) },
  'approve-extension': {
    command: commands.approveExtension(DEPT, 10),
    prepare: (s) => withOriginal(s, { pendingExtensionDays: 10 }),
  },
  'reject-extension': {
    command: { name: 'reject-extension', payload: { unitId: DEPT, rejectedBy: 'head-1', reason } },
    prepare: (s) => withOriginal(s, { pendingExtensionDays: 10 }),
  },
  'submit-assignment-report': {
    command: { name: 'submit-assignment-report', payload: { unitId: DEPT, reportRef: 'routing:report:1' } },
  },
  reply: { command: commands.reply(DEPT) },
  'serve-reply': { command: commands.serve(DEPT), prepare: (s) => withOriginal(s, { ...served, servedAt: null }) },
  'open-stage': {
    command: commands.openStage('review', COUNTY),
    prepare: (s) => ({ ...withOriginal(s, served), reviewRequested: 'review' }),
  },
  close: { command: commands.close(DEPT), prepare: (s) => withOriginal(s, served) },
  'close-merged': {
    command: {
      name: 'close-merged',
      payload: { unitId: DEPT, reason: { code: 'merged' }, mergedInto: OTHER_CASE_ID, mergedIntoCaseNumber: '4107262025000002' },
    },
    prepare: (s) => ({ ...s, flags: { ...s.flags, repeatOf: OTHER_CASE_ID } }),
  },
  finalize: {
    command: commands.finalize(DEPT),
    prepare: (s) => ({ ...s, stage: 're-review', stages: { ...s.stages, 're-review': { ...emptyStageRecord, ...served } } }),
  },
  'warn-deadline': { command: { name: 'warn-deadline', payload: { clock: 'acceptance', ...clock } } },
  'mark-overdue': { command: { name: 'mark-overdue', payload: { clock: 'acceptance', ...clock } } },
  'expire-window': {
    command: { name: 'expire-window', payload: { window: 'rating', stage: 'original', unitId: DEPT, dueAt: T0 } },
    prepare: (s) => withOriginal(s, served),
  },
  'issue-supervision-order': {
    command: {
      name: 'issue-supervision-order',
      payload: { orderId: ORDER_ID, unitId: DEPT, byUnitId: BUREAU, trigger: 'delay', reason },
    },
  },
  'answer-supervision-order': {
    command: {
      name: 'answer-supervision-order',
      payload: { orderId: ORDER_ID, unitId: DEPT, byUnitId: BUREAU, answerRef: 'supervision:answer:1' },
    },
    prepare: (s) => ({ ...s, flags: { ...s.flags, openOrders: [{ orderId: ORDER_ID, unitId: DEPT }] } }),
  },
  'remind-supervision-order': {
    command: {
      name: 'remind-supervision-order',
      payload: { orderId: ORDER_ID, unitId: DEPT, byUnitId: BUREAU, reminderId: '0190a6b2-7c3e-7a1b-8c2d-0000000000c1' },
    },
    prepare: (s) => ({ ...s, flags: { ...s.flags, openOrders: [{ orderId: ORDER_ID, unitId: DEPT }] } }),
  },
  escalate: {
    command: {
      name: 'escalate',
      payload: { unitId: DEPT, fromUnitId: BUREAU, toUnitId: CITY_BUREAU, policyStep: 1, reason },
    },
  },
  'assign-leader': { command: { name: 'assign-leader', payload: { leaderRef: 'leader-1', unitId: COUNTY } } },
  'register-backlog': { command: { name: 'register-backlog', payload: { unitId: DEPT, reason } } },
  'clear-backlog': {
    command: { name: 'clear-backlog', payload: { unitId: DEPT } },
    prepare: (s) => ({ ...s, flags: { ...s.flags, backlog: true } }),
  },
  'report-up': {
    command: { name: 'report-up', payload: { unitId: BUREAU, toUnitIds: [CITY_BUREAU], kind: 'urgent', reason } },
  },
};

const statusKeys: StatusKey[] = ['none', ...CaseStatuses];
const pairs = statusKeys.flatMap((status) => CommandNames.map((command) => [status, command] as const));

describe('decide: the status × command table', () => {
  it('covers every command decide knows', () => {
    expect([...CommandNames].sort()).toEqual(Object.keys(scenarios).sort());
  });

  it.each(statusKeys)('lists the commands allowed in %s as the hand-written table does', (status) => {
    expect([...allowedCommands(status)].sort()).toEqual([...ALLOWED_TRANSITIONS[status]].sort());
  });

  it.each(pairs)('in %s, %s is decided by the table', (status, name) => {
    const scenario = scenarios[name];
    const inStatus: CaseState = { ...base, status: status === 'none' ? null : status };
    const state = scenario.prepare ? scenario.prepare(inStatus) : inStatus;
    const decision = decide(state, scenario.command);
    if (ALLOWED_TRANSITIONS[status].includes(name)) {
      expect(decision).toMatchObject({ ok: true });
    } else {
      expect(decision).toMatchObject({
        ok: false,
        error: { code: 'ILLEGAL_TRANSITION', status: status === 'none' ? null : status, command: name },
      });
    }
  });
});

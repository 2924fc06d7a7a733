import { clockContext, playAt, type TimedStep } from '../deadlines/__fixtures__/timed-case.fixtures';
import { XINXIANG } from '../routing/__fixtures__/routing.fixture';
import { BUREAU, commands, DEPT } from './__fixtures__/case.fixtures';
import type { CaseState } from './case-state';
import { type ActionCaller, allowedActions } from './unit-actions';

// 2025-03-03 is a Monday: the objection period (5 working days, Art 23) of a case received that day ends with
// 2025-03-10 (24:00 Asia/Shanghai = 16:00 UTC).
const DAY1 = '2025-03-03T01:00:00.000Z';
const DAY1_LATER = '2025-03-03T02:00:00.000Z';
const DAY2 = '2025-03-04T01:00:00.000Z';
const IN_TIME = '2025-03-10T15:59:59.999Z';
const ALL = ['clerk', 'handler', 'head', 'dispatcher'];
const at = (unitId: string, roles: string[] = ALL, subject = `${unitId}-staff`): ActionCaller => ({ unitId, subject, roles });

function actions(state: CaseState, caller: ActionCaller, asOf = IN_TIME, replyDraft: { draftedBy: string } | null = null) {
  return allowedActions(state, caller, { directory: XINXIANG, clocks: clockContext(asOf), replyDraft });
}
const play = (steps: TimedStep[]) => playAt(steps).state;
const registered: TimedStep = [DAY1, commands.register()];
const forwarded: TimedStep[] = [registered, [DAY1_LATER, commands.dispatch(BUREAU, DEPT)]];

describe('allowedActions', () => {
  it('lists for a department receiving a forwarded case only signing and objecting, never dispatching', () => {
    const s = play(forwarded);
    expect(actions(s, at(DEPT))).toEqual(['sign', 'raise-objection']);
    expect(actions(s, at(DEPT, ['clerk']))).toEqual(['sign']);
    expect(actions(s, at(BUREAU))).toEqual([]);
  });

  it('leaves the decision not to accept to the head, and the objection to the period of 5 working days', () => {
    const s = play([...forwarded, [DAY2, commands.sign(DEPT)]]);
    expect(actions(s, at(DEPT))).toEqual(['assign-handler', 'accept', 'not-accept', 'raise-objection']);
    expect(actions(s, at(DEPT, ['handler']))).toEqual(['accept', 'raise-objection']);
    expect(actions(s, at(DEPT, ['head']))).toEqual(['assign-handler', 'accept', 'not-accept', 'raise-objection']);
    expect(actions(s, at(DEPT, ['handler']), '2025-03-10T16:00:00.000Z')).toEqual(['accept']);
  });

  it('gives a pending objection to the forwarding bureau only, and no second objection after it was decided', () => {
    const pending = play([...forwarded, [DAY2, commands.raiseObjection(DEPT)]]);
    expect(actions(pending, at(BUREAU, ['dispatcher']))).toEqual(['approve-objection', 'reject-objection']);
    expect(actions(pending, at(BUREAU, ['clerk']))).toEqual([]);
    expect(actions(pending, at(DEPT))).toEqual([]);
    const rejected = play([...forwarded, [DAY2, commands.raiseObjection(DEPT)], [DAY2, commands.rejectObjection(BUREAU)]]);
    expect(actions(rejected, at(DEPT))).toEqual(['assign-handler', 'accept', 'not-accept']);
    expect(actions(rejected, at(BUREAU))).toEqual([]);
  });

  it('lets a department forward a direct petition only to the bureau, which then dispatches it and decides objections', () => {
    const direct = play([[DAY1, commands.register({ receivingUnitId: DEPT })]]);
    expect(actions(direct, at(DEPT))).toEqual(['dispatch', 'accept', 'not-accept']);
    const atBureau = play([
      [DAY1, commands.register({ receivingUnitId: DEPT })],
      [DAY1_LATER, commands.dispatch(DEPT, BUREAU)],
    ]);
    expect(actions(atBureau, at(BUREAU))).toEqual(['dispatch', 'require-manual-dispatch', 'sign']);
    expect(actions(atBureau, at(BUREAU, ['clerk']))).toEqual(['sign']);
  });

  it('offers the reply’s approval to a head who did not draft it, once a draft exists', () => {
    const s = play([...forwarded, [DAY2, commands.sign(DEPT)], [DAY2, commands.accept(DEPT, 'petition')]]);
    const head = at(DEPT, ['head'], 'head-2');
    expect(actions(s, head)).not.toContain('reply');
    expect(actions(s, head, IN_TIME, { draftedBy: 'handler-1' })).toContain('reply');
    expect(actions(s, head, IN_TIME, { draftedBy: 'head-2' })).not.toContain('reply');
    expect(actions(s, at(DEPT, ['handler']), IN_TIME, { draftedBy: 'handler-1' })).not.toContain('reply');
  });

  it('keeps nothing open on a closed case but the 交办 report still owed, and not that once reported', () => {
    const steps: TimedStep[] = [
      registered,
      [DAY1_LATER, commands.dispatch(BUREAU, DEPT, 'assign')],
      [DAY2, commands.sign(DEPT)],
      [DAY2, commands.accept(DEPT, 'petition')],
      [DAY2, commands.reply(DEPT)],
      [DAY2, commands.serve(DEPT, DAY2)],
      ['2025-04-10T01:00:00.000Z', commands.close(DEPT)],
    ];
    const closed = play(steps);
    expect(closed.status).toBe('closed');
    expect(actions(closed, at(DEPT), '2025-04-10T02:00:00.000Z')).toEqual(['submit-assignment-report']);
    const reported = play([
      ...steps,
      ['2025-04-10T01:30:00.000Z', { name: 'submit-assignment-report', payload: { unitId: DEPT, reportRef: 'routing:doc:1' } }],
    ]);
    expect(actions(reported, at(DEPT), '2025-04-10T02:00:00.000Z')).toEqual([]);
  });
});

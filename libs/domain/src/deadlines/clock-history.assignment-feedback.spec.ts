import { BUREAU, commands, DEPT, TOWN } from '../lifecycle/__fixtures__/case.fixtures';
import { clockContext, playAt, registeredAt } from './__fixtures__/timed-case.fixtures';
import { clockHistory } from './clock-history';

// 交办 (Art 22): the bureau waits for the unit's 办结报告 by the date it set. The report is owed whatever becomes of
// the case: closing it, or the unit sending it on, does not excuse it; only the bureau taking the assignment back
// (an approved objection) or the petitioner withdrawing ends the wait.
const FEEDBACK_DUE = '2026-03-31T16:00:00.000Z'; // 24:00 of Tue 2026-03-31 (Asia/Shanghai)
const assign = commands.dispatch(BUREAU, DEPT, 'assign');
const assigned = { ...assign, payload: { ...assign.payload, feedbackDueAt: FEEDBACK_DUE } } as typeof assign;
const upToNotAccepted = [
  registeredAt('2026-03-02T02:00:00.000Z'),
  ['2026-03-03T02:00:00.000Z', assigned],
  ['2026-03-04T02:00:00.000Z', commands.sign(DEPT)],
  ['2026-03-05T02:00:00.000Z', commands.notAccept(DEPT)],
] as const;
const feedbackOf = (state: Parameters<typeof clockHistory>[0], asOf: string) =>
  clockHistory(state, clockContext(asOf)).find((c) => c.kind === 'assignment-feedback');

describe('the 交办 feedback clock (Art 22)', () => {
  it('keeps running when the case closes without a 办结报告, and is overdue from 24:00 of its last day', () => {
    const { state } = playAt([...upToNotAccepted, ['2026-03-06T02:00:00.000Z', commands.close(DEPT)]]);
    expect(state.status).toBe('closed');
    expect(feedbackOf(state, '2026-03-31T15:59:59.999Z')).toMatchObject({ status: 'running', overdue: false, lastDay: '2026-03-31' });
    expect(feedbackOf(state, '2026-03-31T16:00:00.000Z')).toMatchObject({ status: 'running', overdue: true, stoppedAt: null });
  });

  it('keeps running when the assigned unit sends the case on (a township to a village)', () => {
    const { state } = playAt([...upToNotAccepted.slice(0, 3), ['2026-03-05T02:00:00.000Z', commands.dispatch(DEPT, TOWN, 'assign', 2)]]);
    expect(
      clockHistory(state, clockContext('2026-04-01T00:00:00.000Z'))
        .filter((c) => c.kind === 'assignment-feedback')
        .map((c) => [c.unitId, c.status, c.overdue]),
    ).toEqual([[DEPT, 'running', true]]);
  });

  it('ends, without overdue, when the petitioner withdraws', () => {
    const { state } = playAt([...upToNotAccepted.slice(0, 3), ['2026-03-05T02:00:00.000Z', commands.withdraw()]]);
    expect(feedbackOf(state, '2026-04-01T00:00:00.000Z')).toMatchObject({
      status: 'ended',
      overdue: false,
      stoppedAt: '2026-03-05T02:00:00.000Z',
    });
  });
});

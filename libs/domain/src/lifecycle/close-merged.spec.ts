import { clockContext, playAt, type TimedStep } from '../deadlines/__fixtures__/timed-case.fixtures';
import { runningClocks } from '../deadlines/clock-history';
import { BUREAU, commands, DEPT, OTHER_CASE_ID } from './__fixtures__/case.fixtures';
import type { CaseCommand } from './case-command';
import { decide } from './decide';

const merge: CaseCommand = { name: 'merge', payload: { matchedCaseId: OTHER_CASE_ID, score: 0.93 } };
const closeMerged = (mergedInto = OTHER_CASE_ID): CaseCommand => ({
  name: 'close-merged',
  payload: {
    unitId: DEPT,
    reason: { code: 'merged', text: '并入4107262025000002号办理' },
    mergedInto,
    mergedIntoCaseNumber: '4107262025000002',
  },
});
const assign = commands.dispatch(BUREAU, DEPT, 'assign');
// 交办 to the department on 2025-03-03 (report due 2025-04-02), signed; merged (并单) into the earlier case on 2025-03-05.
const assigned: TimedStep[] = [
  ['2025-03-03T01:00:00.000Z', commands.register()],
  ['2025-03-03T02:00:00.000Z', { ...assign, payload: { ...assign.payload, feedbackDueAt: '2025-04-02T16:00:00.000Z' } } as CaseCommand],
  ['2025-03-04T01:00:00.000Z', commands.sign(DEPT)],
];
const duties = (steps: TimedStep[]) =>
  runningClocks(playAt(steps).state, clockContext('2025-03-06T00:00:00.000Z'))
    .filter((c) => c.unitId === DEPT && c.onDue.kind === 'overdue')
    .map((c) => c.kind);

describe('a merged case (并单) ends', () => {
  it('closes with reason merged, naming the case that carries on, from any open status', () => {
    const { state } = playAt([...assigned, ['2025-03-05T01:00:00.000Z', merge], ['2025-03-05T01:00:01.000Z', closeMerged()]]);
    expect(state.status).toBe('closed');
    expect(state.flags.mergedInto).toEqual({ caseId: OTHER_CASE_ID, caseNumber: '4107262025000002' });
  });

  it('stops every duty of the unit, the 交办 report included (it is owed in the case that carries on)', () => {
    expect(duties(assigned)).toEqual(['acceptance', 'assignment-feedback']);
    expect(duties([...assigned, ['2025-03-05T01:00:00.000Z', merge], ['2025-03-05T01:00:01.000Z', closeMerged()]])).toEqual([]);
  });

  it('refuses to end a case that was not merged, or for another case than the one it was merged into', () => {
    const signed = playAt(assigned).state;
    expect(decide(signed, closeMerged())).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    const merged = playAt([...assigned, ['2025-03-05T01:00:00.000Z', merge]]).state;
    expect(decide(merged, closeMerged('0190a6b2-7c3e-7a1b-8c2d-000000000009'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_COMMAND' },
    });
  });
});

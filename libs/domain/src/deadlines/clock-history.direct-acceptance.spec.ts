import { commands, DEPT } from '../lifecycle/__fixtures__/case.fixtures';
import { clockContext as ctx, playAt, registeredAt } from './__fixtures__/timed-case.fixtures';
import { clockHistory, runningClocks } from './clock-history';
import { inboxDue } from './clock-selectors';

// 2026: 劳动节 5/1–5/5, 5/6 (Wed) is a working day.

describe('a petition accepted on the spot by the unit that received it (Art 23)', () => {
  it('has nothing left to forward: the Art 22 dispatch clock stops, the handling clock runs from the acceptance', () => {
    const { state } = playAt([
      registeredAt('2026-03-02T02:00:00.000Z', { receivingUnitId: DEPT }),
      ['2026-03-02T03:00:00.000Z', commands.accept(DEPT, 'petition')],
    ]);
    const at = ctx('2026-03-25T00:00:00.000Z');
    // Accepted Mon 3/2 → 60 days → Fri 5/1, 劳动节 → Wed 5/6.
    expect(runningClocks(state, at).map((c) => [c.kind, c.unitId, c.lastDay])).toEqual([['handling', DEPT, '2026-05-06']]);
    expect(clockHistory(state, at).find((c) => c.kind === 'dispatch')).toMatchObject({
      status: 'satisfied',
      late: false,
      stoppedAt: '2026-03-02T03:00:00.000Z',
    });
    // Long after the dispatch clock's 15 days (3/17) nothing of it is due.
    expect(inboxDue(state, ctx('2026-04-01T00:00:00.000Z'))).toMatchObject({
      kind: 'handling',
      dueAt: '2026-05-06T16:00:00.000Z',
      overdue: false,
    });
  });
});

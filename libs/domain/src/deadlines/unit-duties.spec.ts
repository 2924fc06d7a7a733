import { BUREAU, commands, DEPT } from '../lifecycle/__fixtures__/case.fixtures';
import { clockContext, playAt } from './__fixtures__/timed-case.fixtures';
import { unitDuties } from './unit-duties';

// Received by the department on Monday 2025-03-03: the acceptance decision (15 days, Art 23) is due with 2025-03-18,
// i.e. at 2025-03-18T16:00Z (24:00 Asia/Shanghai). The objection period is a right, not a duty: never listed.
const { state } = playAt([
  ['2025-03-03T01:00:00.000Z', commands.register()],
  ['2025-03-03T02:00:00.000Z', commands.dispatch(BUREAU, DEPT)],
]);
const WARNING = { clock: 'acceptance', stage: 'original', unitId: DEPT, dueAt: '2025-03-18T16:00:00.000Z' };

describe('unitDuties', () => {
  it('lists the unit’s acceptance duty, running before any warning', () => {
    expect(unitDuties(state, DEPT, clockContext('2025-03-10T00:00:00.000Z'), [])).toEqual([
      {
        clock: 'acceptance',
        label: expect.any(String),
        article: expect.stringContaining('23'),
        lastDay: '2025-03-18',
        dueAt: '2025-03-18T16:00:00.000Z',
        provisional: false,
        state: 'running',
      },
    ]);
  });

  it('marks it warned once supervision warned of this due, and overdue at the due instant', () => {
    expect(unitDuties(state, DEPT, clockContext('2025-03-17T00:00:00.000Z'), [WARNING]).map((d) => d.state)).toEqual(['warned']);
    expect(unitDuties(state, DEPT, clockContext('2025-03-18T15:59:59.999Z'), [WARNING]).map((d) => d.state)).toEqual(['warned']);
    expect(unitDuties(state, DEPT, clockContext('2025-03-18T16:00:00.000Z'), [WARNING]).map((d) => d.state)).toEqual(['overdue']);
  });

  it('ignores a warning of another due, and owes nothing to another unit', () => {
    const other = { ...WARNING, dueAt: '2025-03-20T16:00:00.000Z' };
    expect(unitDuties(state, DEPT, clockContext('2025-03-17T00:00:00.000Z'), [other]).map((d) => d.state)).toEqual(['running']);
    expect(unitDuties(state, BUREAU, clockContext('2025-03-17T00:00:00.000Z'), [WARNING])).toEqual([]);
  });
});

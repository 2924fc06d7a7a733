import { CITY, commands } from '../lifecycle/__fixtures__/case.fixtures';
import { clockContext as ctx, laterStageAt, originalStageAt, playAt, type TimedStep } from './__fixtures__/timed-case.fixtures';
import { clockHistory } from './clock-history';
import { citizenClocks, handlingDeadline, inboxDue } from './clock-selectors';

// 2026 arrangement: 春节 2/15–2/23, 清明 4/4 (Sat)–4/6 (Mon). A hearing's time does not count (Art 36): every
// Asia/Shanghai day it touches is added to the re-review's 30 days.
const PROVINCE = '410000000000:government';
const hearing = { unitId: PROVINCE, hearingId: 'h-1' };

const toReReview: TimedStep[] = [
  ...originalStageAt({
    registered: '2026-01-05T02:00:00.000Z',
    dispatched: '2026-01-05T03:00:00.000Z',
    signed: '2026-01-05T04:00:00.000Z',
    accepted: '2026-01-06T02:00:00.000Z',
    replied: '2026-01-20T02:00:00.000Z',
    served: '2026-01-21T02:00:00.000Z',
  }),
  ...laterStageAt('review', CITY, {
    requested: '2026-01-26T02:00:00.000Z',
    opened: '2026-01-27T02:00:00.000Z',
    signed: '2026-01-28T02:00:00.000Z',
    accepted: '2026-01-29T02:00:00.000Z',
    replied: '2026-02-10T02:00:00.000Z',
    served: '2026-02-11T02:00:00.000Z',
  }),
  // Re-review asked for on Mon 3/2: 30 days → Wed 4/1 without a hearing.
  ...laterStageAt('re-review', PROVINCE, {
    requested: '2026-03-02T02:00:00.000Z',
    opened: '2026-03-02T03:00:00.000Z',
    signed: '2026-03-03T02:00:00.000Z',
    accepted: '2026-03-04T02:00:00.000Z',
  }),
  ['2026-03-05T02:00:00.000Z', commands.startHandling(PROVINCE)],
  // The hearing opens Tue 3/10 09:00 Shanghai.
  ['2026-03-10T01:00:00.000Z', { name: 'start-hearing', payload: hearing }],
];

describe('a hearing pauses the re-review clock (Art 36)', () => {
  it('moves the due on each day of an open hearing and shows the clock paused', () => {
    const { state } = playAt(toReReview);
    // On Wed 3/11 08:00 Shanghai the hearing has touched 3/10 and 3/11: 30 + 2 days → Fri 4/3.
    const during = ctx('2026-03-11T00:00:00.000Z');
    expect(handlingDeadline(state, during)).toMatchObject({
      kind: 're-review-handling',
      lastDay: '2026-04-03',
      paused: true,
      status: 'paused',
    });
    expect(inboxDue(state, during)).toMatchObject({ kind: 're-review-handling', unitId: PROVINCE, paused: true });
    expect(citizenClocks(state, during).find((c) => c.kind === 're-review-handling')).toMatchObject({
      lastDay: '2026-04-03',
      paused: true,
    });
  });

  it('adds the days the hearing touched once it ends, moved off 清明', () => {
    // Ends Thu 3/12 17:00 Shanghai: 3 days → 30 + 3 = Sat 4/4, 清明 4/4–4/6 → Tue 4/7.
    const { state } = playAt([...toReReview, ['2026-03-12T09:00:00.000Z', { name: 'end-hearing', payload: hearing }]]);
    const after = ctx('2026-03-20T00:00:00.000Z');
    expect(handlingDeadline(state, after)).toMatchObject({
      lastDay: '2026-04-07',
      dueAt: '2026-04-07T16:00:00.000Z',
      paused: false,
      status: 'running',
    });
    // The earlier stages' clocks were never paused.
    expect(
      clockHistory(state, after)
        .filter((c) => c.kind === 'review-handling')
        .map((c) => [c.lastDay, c.status]),
    ).toEqual([['2026-02-25', 'satisfied']]);
  });
});

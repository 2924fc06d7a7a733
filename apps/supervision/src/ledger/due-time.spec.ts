import { evaluateNotices, noticesFor } from './due-time';

const DAY = 86_400_000;
const leads = [3 * DAY, DAY];

describe('notices of a clock', () => {
  const clock = { dueAt: new Date('2026-02-24T16:00:00.000Z'), startAt: new Date('2026-02-02T02:00:00.000Z'), warns: true };

  it('plans a warning per lead and the due, in time order', () => {
    expect(noticesFor(clock, leads).map((n) => [n.key, n.at.toISOString()])).toEqual([
      ['warning:3d', '2026-02-21T16:00:00.000Z'],
      ['warning:1d', '2026-02-23T16:00:00.000Z'],
      ['due', '2026-02-24T16:00:00.000Z'],
    ]);
  });

  it('leaves out warnings that would come before the clock started, and all of them for a window', () => {
    expect(noticesFor({ ...clock, startAt: new Date('2026-02-22T00:00:00.000Z') }, leads).map((n) => n.key)).toEqual(['warning:1d', 'due']);
    expect(noticesFor({ ...clock, warns: false }, leads).map((n) => n.key)).toEqual(['due']);
  });

  it('raises what is due now, skips warnings overtaken by the due, and says when to look again', () => {
    const notices = noticesFor(clock, leads);
    expect(evaluateNotices(notices, new Set(), new Date('2026-02-21T15:59:59.999Z'))).toEqual({
      steps: [],
      nextCheckAt: new Date('2026-02-21T16:00:00.000Z'),
    });
    const late = evaluateNotices(notices, new Set(['warning:3d']), new Date('2026-02-25T00:00:00.000Z'));
    expect(late.steps.map((s) => [s.notice.key, s.action])).toEqual([
      ['warning:1d', 'skip'],
      ['due', 'raise'],
    ]);
    expect(late.nextCheckAt).toBeNull();
  });
});

import { computeDeadline } from './compute-deadline';
import { clockSpecFor, resolveClockSpecs } from './deadline-policy';

// Art 36: 听证所需时间不计算在前款规定的期限内. A pause covers every Asia/Shanghai day it touches.
// Base case: re-review requested Tue 2025-06-03 → 30 days → Thu 7/3 (no holiday in June/July 2025: the 2025
// notice's 端午 is 5月31日至6月2日, before the start).

describe('hearing pauses (Art 36)', () => {
  const spec = clockSpecFor('re-review-handling');
  const startAt = '2025-06-03T02:00:00Z';

  it('shifts the due date by the whole days a hearing touched', () => {
    // 6/10 09:00 → 6/12 17:00 Shanghai: 6/10, 6/11, 6/12 = 3 days → 7/6 Sun → 7/7 Mon
    const deadline = computeDeadline(spec, {
      startAt,
      pauses: [{ kind: 'hearing', from: '2025-06-10T01:00:00Z', to: '2025-06-12T09:00:00Z' }],
    });
    expect(deadline).toMatchObject({ lastDay: '2025-07-07', dueAt: '2025-07-07T16:00:00.000Z', pausedDays: 3, paused: false });
  });

  it('rounds a two-hour hearing up to one day, and a pause ending at 00:00 does not touch the next day', () => {
    const short = computeDeadline(spec, {
      startAt,
      pauses: [{ kind: 'hearing', from: '2025-06-10T01:00:00Z', to: '2025-06-10T03:00:00Z' }],
    });
    expect(short).toMatchObject({ lastDay: '2025-07-04', pausedDays: 1 }); // 7/4 Fri
    const toMidnight = computeDeadline(spec, {
      startAt,
      pauses: [{ kind: 'hearing', from: '2025-06-10T01:00:00Z', to: '2025-06-10T16:00:00Z' }], // 6/11 00:00 Shanghai
    });
    expect(toMidnight.pausedDays).toBe(1);
  });

  it('counts overlapping pauses once', () => {
    const deadline = computeDeadline(spec, {
      startAt,
      pauses: [
        { kind: 'hearing', from: '2025-06-10T01:00:00Z', to: '2025-06-11T09:00:00Z' },
        { kind: 'hearing', from: '2025-06-11T01:00:00Z', to: '2025-06-12T09:00:00Z' },
      ],
    });
    expect(deadline.pausedDays).toBe(3);
  });

  it('keeps moving while a hearing is still open', () => {
    // open since 6/10; as of 6/15 12:00 Shanghai: 6/10–6/15 = 6 days → 7/9 Wed
    const deadline = computeDeadline(spec, {
      startAt,
      pauses: [{ kind: 'hearing', from: '2025-06-10T01:00:00Z' }],
      asOf: '2025-06-15T04:00:00Z',
    });
    expect(deadline).toMatchObject({ lastDay: '2025-07-09', pausedDays: 6, paused: true });
    expect(() => computeDeadline(spec, { startAt, pauses: [{ kind: 'hearing', from: '2025-06-10T01:00:00Z' }] })).toThrow(
      expect.objectContaining({ code: 'OPEN_PAUSE_NEEDS_AS_OF' }),
    );
  });

  it('ignores a hearing on a clock that is not paused by hearings, unless the jurisdiction says so', () => {
    const pauses = [{ kind: 'hearing', from: '2025-06-10T01:00:00Z', to: '2025-06-12T09:00:00Z' }];
    // review handling (Art 35): 6/3 + 30 = 7/3, hearing ignored by default
    expect(computeDeadline(clockSpecFor('review-handling'), { startAt, pauses }).lastDay).toBe('2025-07-03');
    const county = resolveClockSpecs(
      [{ id: 'yanjin-2025', jurisdiction: '410726000000', clocks: [{ kind: 'review-handling', pausedBy: ['hearing'] }] }],
      '410726101000',
    );
    const configured = county.get('review-handling');
    if (!configured) throw new Error('missing clock');
    expect(computeDeadline(configured, { startAt, pauses }).lastDay).toBe('2025-07-07');
  });
});

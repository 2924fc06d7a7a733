import { CITY, DEPT } from '../lifecycle/__fixtures__/case.fixtures';
import { clockContext as ctx, laterStageAt, originalStageAt, playAt, type TimedStep } from './__fixtures__/timed-case.fixtures';
import { clockHistory, runningClocks } from './clock-history';
import { citizenClocks, inboxDue, reviewRequestWindow } from './clock-selectors';

// 2026 arrangement (国办发明电〔2025〕7号): 清明 4/4–4/6, 劳动节 5/1–5/5 (5/9 Sat worked). Every date below is a plain
// working day unless said otherwise; a period ends at 24:00 Asia/Shanghai of its last day (= that day 16:00Z).
// Served Mon 3/23; the review is asked for on Mon 3/30 and opened at the city the next day.
const original: TimedStep[] = originalStageAt({
  registered: '2026-03-02T02:00:00.000Z',
  dispatched: '2026-03-03T02:00:00.000Z',
  signed: '2026-03-03T03:00:00.000Z',
  accepted: '2026-03-04T02:00:00.000Z',
  replied: '2026-03-20T02:00:00.000Z',
  served: '2026-03-23T02:00:00.000Z',
});
const reviewAsked = { requested: '2026-03-30T02:00:00.000Z', opened: '2026-03-31T02:00:00.000Z' };

describe('the clocks of a review stage (Art 35)', () => {
  it('runs the review from the request for 30 days at the unit routing names, and no acceptance clock', () => {
    const review = laterStageAt('review', CITY, {
      ...reviewAsked,
      signed: '2026-04-01T02:00:00.000Z',
      accepted: '2026-04-02T02:00:00.000Z',
    });
    const { state } = playAt([...original, ...review]);
    const running = runningClocks(state, ctx('2026-04-03T00:00:00.000Z'));
    // 3/30 + 30 = Wed 4/29; the original stage's rating window runs on: 3/23 + 30 = Wed 4/22.
    expect(running.map((c) => [c.kind, c.stage, c.unitId, c.lastDay, c.dueAt])).toEqual([
      ['rating-window', 'original', DEPT, '2026-04-22', '2026-04-22T16:00:00.000Z'],
      ['review-handling', 'review', CITY, '2026-04-29', '2026-04-29T16:00:00.000Z'],
    ]);
    expect(inboxDue(state, ctx('2026-04-03T00:00:00.000Z'))).toMatchObject({
      kind: 'review-handling',
      dueAt: '2026-04-29T16:00:00.000Z',
      article: '《信访工作条例》第35条',
    });
    expect(citizenClocks(state, ctx('2026-04-03T00:00:00.000Z')).map((c) => c.kind)).toEqual(['rating-window', 'review-handling']);
  });

  it('keeps the original stage’s clocks as history, each stopped by its fact', () => {
    const { state } = playAt([...original, ...laterStageAt('review', CITY, reviewAsked)]);
    expect(clockHistory(state, ctx('2026-04-01T00:00:00.000Z')).map((c) => [c.kind, c.status, c.late])).toEqual([
      ['dispatch', 'satisfied', false],
      ['acceptance', 'satisfied', false],
      ['objection', 'ended', null],
      ['handling', 'satisfied', false],
      ['rating-window', 'running', null],
      ['review-request-window', 'satisfied', false],
      ['review-handling', 'running', null],
    ]);
  });

  it('opens the re-review window and the review’s rating window when the review opinion is served (Art 36)', () => {
    const review = laterStageAt('review', CITY, {
      ...reviewAsked,
      signed: '2026-04-01T02:00:00.000Z',
      accepted: '2026-04-02T02:00:00.000Z',
      replied: '2026-04-20T02:00:00.000Z',
      served: '2026-04-21T02:00:00.000Z',
    });
    const { state } = playAt([...original, ...review]);
    const at = ctx('2026-04-22T00:00:00.000Z');
    // Served Tue 4/21 → 30 days → Thu 5/21.
    expect(reviewRequestWindow(state, at)).toMatchObject({
      kind: 're-review-request-window',
      stage: 'review',
      lastDay: '2026-05-21',
      article: '《信访工作条例》第36条',
    });
    expect(runningClocks(state, at).map((c) => [c.kind, c.stage, c.lastDay])).toEqual([
      ['rating-window', 'original', '2026-04-22'],
      ['rating-window', 'review', '2026-05-21'],
      ['re-review-request-window', 'review', '2026-05-21'],
    ]);
    // The city replied in time: nothing is due at its inbox.
    expect(inboxDue(state, at)).toBeNull();
  });
});

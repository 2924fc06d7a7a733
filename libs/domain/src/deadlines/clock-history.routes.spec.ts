import { clockContext, originalStageAt, playAt } from './__fixtures__/timed-case.fixtures';
import { citizenClocks, ratingWindow, reviewRequestWindow } from './clock-selectors';

const at = clockContext('2026-03-25T00:00:00.000Z');
const accepted = {
  registered: '2026-03-02T02:00:00.000Z',
  dispatched: '2026-03-03T02:00:00.000Z',
  signed: '2026-03-03T03:00:00.000Z',
  accepted: '2026-03-04T02:00:00.000Z',
};
const answered = { ...accepted, replied: '2026-03-10T02:00:00.000Z', served: '2026-03-11T02:00:00.000Z' };

describe('the petitioner’s clocks follow the claim route (Art 31, 34, 35)', () => {
  it('shows the 60-day handling clock for a claim on the petition route', () => {
    const { state } = playAt(originalStageAt(accepted));
    // Accepted Wed 3/4 → 60 days → Sun 5/3 in 劳动节 5/1–5/5 → Wed 5/6.
    expect(citizenClocks(state, at)).toEqual([
      {
        kind: 'handling',
        label: '办理答复',
        article: '《信访工作条例》第34条（第31条第6项）',
        stage: 'original',
        startAt: '2026-03-04T02:00:00.000Z',
        dueAt: '2026-05-06T16:00:00.000Z',
        lastDay: '2026-05-06',
        provisional: false,
        paused: false,
        extensionDays: 0,
      },
    ]);
  });

  it('shows no handling clock for a claim led into litigation, and no review window after its reply', () => {
    expect(citizenClocks(playAt(originalStageAt(accepted, { claimRoute: 'litigation' })).state, at)).toEqual([]);
    const { state } = playAt(originalStageAt(answered, { claimRoute: 'litigation' }));
    expect(citizenClocks(state, at).map((c) => [c.kind, c.lastDay])).toEqual([['rating-window', '2026-04-10']]);
    expect(reviewRequestWindow(state, at)).toBeNull();
    expect(ratingWindow(state, 'original', at)).toMatchObject({ lastDay: '2026-04-10', status: 'running' });
  });

  it('gives a suggestion its rating window and no review window', () => {
    const { state } = playAt(originalStageAt(answered, { type: 'suggestion' }));
    expect(citizenClocks(state, at).map((c) => c.kind)).toEqual(['rating-window']);
    expect(reviewRequestWindow(state, at)).toBeNull();
  });
});

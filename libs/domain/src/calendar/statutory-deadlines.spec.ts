import { deadlineFor } from '../deadlines';

// Deadlines whose counting crosses 春节 2027, a year chinese-days 1.5.7 has no notice for: the statutory holidays of
// 《全国年节及纪念日放假办法》 (2024 revision) are skipped, and the result stays provisional until the 2027 notice is loaded.
// 2027: 除夕 Fri 2/5, 正月初一 Sat 2/6, 初二 Sun 2/7, 初三 Mon 2/8 (春节放假4天：除夕、正月初一至初三).
describe('deadlines across 春节 2027 (no published arrangement yet)', () => {
  it('ends a 5-working-day objection period after the 春节 days', () => {
    // Start Wed 2/3 (not counted): Thu 2/4 (1), [2/5–2/8 off], Tue 2/9 (2), Wed 2/10 (3), Thu 2/11 (4), Fri 2/12 (5).
    expect(deadlineFor('objection', { startAt: '2027-02-03T02:00:00Z' })).toMatchObject({
      startDay: '2027-02-03',
      lastDay: '2027-02-12',
      dueAt: '2027-02-12T16:00:00.000Z',
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('counts 春节 inside a 15-calendar-day period, and moves only a last day that falls on it', () => {
    // Mon 1/25 + 15 = Tue 2/9, a working day: the holidays in between count as days (《民法典》第203条 moves only
    // a last day that is a rest day).
    expect(deadlineFor('dispatch', { startAt: '2027-01-25T02:00:00Z' })).toMatchObject({
      lastDay: '2027-02-09',
      dueAt: '2027-02-09T16:00:00.000Z',
      provisional: true,
      unpublishedYears: [2027],
    });
    // Thu 1/21 + 15 = Fri 2/5, 除夕: the period ends on the first working day after 春节, Tue 2/9.
    expect(deadlineFor('acceptance', { startAt: '2027-01-21T02:00:00Z' })).toMatchObject({
      lastDay: '2027-02-09',
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('leaves deadlines in a published year (2026) on the notice', () => {
    // 2026 notice: 春节 2/15–2/23 off, Sat 2/14 上班. Thu 2/12 + 5 working days: 2/13, 2/14, 2/24, 2/25, 2/26.
    expect(deadlineFor('objection', { startAt: '2026-02-12T02:00:00Z' })).toMatchObject({
      lastDay: '2026-02-26',
      provisional: false,
      unpublishedYears: [],
    });
    // Sat 1/31 + 15 = Sun 2/15, off (春节 2/15–2/23): moves to Tue 2/24.
    expect(deadlineFor('dispatch', { startAt: '2026-01-31T02:00:00Z' })).toMatchObject({
      lastDay: '2026-02-24',
      provisional: false,
      unpublishedYears: [],
    });
  });
});

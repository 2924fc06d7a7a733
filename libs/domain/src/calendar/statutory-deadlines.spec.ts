import { deadlineFor } from '../deadlines';

// Deadlines whose counting crosses 春节 2027, a year chinese-days 1.5.7 has no notice for: the statutory holidays of
// 《全国年节及纪念日放假办法》 (2024 revision) are skipped, and the result stays provisional until the 2027 notice is loaded.
// 2027: 除夕 Fri 2/5, 正月初一 Sat 2/6, 初二 Sun 2/7, 初三 Mon 2/8 (春节放假4天：除夕、正月初一至初三).
// 2026 notice: 春节 2/15–2/23 off, Sat 2/14 上班.

/** A clock kind, its start instant (UTC), its start and last day, whether it is provisional and on which years, and why. */
type StatutoryRow = readonly [
  kind: string,
  startAt: string,
  startDay: string,
  lastDay: string,
  provisional: boolean,
  unpublishedYears: readonly number[],
  why: string,
];

/** One test per row: the period ends at 24:00 Asia/Shanghai of the last day (= that day 16:00Z). */
function itEnds(rows: readonly StatutoryRow[]): void {
  it.each(rows)(
    '%s from %s (start day %s) ends on %s, provisional %s %j (%s)',
    (kind, startAt, startDay, lastDay, provisional, unpublishedYears) => {
      expect(deadlineFor(kind, { startAt })).toMatchObject({
        startDay,
        lastDay,
        dueAt: `${lastDay}T16:00:00.000Z`,
        provisional,
        unpublishedYears,
      });
    },
  );
}

describe('deadlines across 春节 2027 (no published arrangement yet)', () => {
  describe('ends a 5-working-day objection period after the 春节 days', () => {
    itEnds([
      [
        'objection',
        '2027-02-03T02:00:00Z',
        '2027-02-03',
        '2027-02-12',
        true,
        [2027],
        'start Wed 2/3 (not counted): Thu 2/4 (1), [2/5–2/8 off], Tue 2/9 (2), Wed 2/10 (3), Thu 2/11 (4), Fri 2/12 (5)',
      ],
    ]);
  });

  describe('counts 春节 inside a 15-calendar-day period, and moves only a last day that falls on it', () => {
    itEnds([
      [
        'dispatch',
        '2027-01-25T02:00:00Z',
        '2027-01-25',
        '2027-02-09',
        true,
        [2027],
        'Mon 1/25 + 15 = Tue 2/9, a working day: the holidays in between count as days (《民法典》第203条 moves only a last day that is a rest day)',
      ],
      [
        'acceptance',
        '2027-01-21T02:00:00Z',
        '2027-01-21',
        '2027-02-09',
        true,
        [2027],
        'Thu 1/21 + 15 = Fri 2/5, 除夕: the period ends on the first working day after 春节, Tue 2/9',
      ],
    ]);
  });

  describe('leaves deadlines in a published year (2026) on the notice', () => {
    itEnds([
      [
        'objection',
        '2026-02-12T02:00:00Z',
        '2026-02-12',
        '2026-02-26',
        false,
        [],
        'Thu 2/12 + 5 working days: 2/13, 2/14, 2/24, 2/25, 2/26',
      ],
      [
        'dispatch',
        '2026-01-31T02:00:00Z',
        '2026-01-31',
        '2026-02-24',
        false,
        [],
        'Sat 1/31 + 15 = Sun 2/15, off (春节 2/15–2/23): moves to Tue 2/24',
      ],
    ]);
  });
});

import { defaultWorkingCalendar } from '../calendar';
import { computeDeadline } from './compute-deadline';
import { clockSpecFor } from './deadline-policy';

// chinese-days 1.5.7 has no 2027 arrangement (its data ends with the 2026 notice), so any period that consults a
// 2027 day is provisional: counted on the weekends plus the statutory holidays of 《全国年节及纪念日放假办法》 (2024
// revision; 元旦 is 1月1日) and flagged, to be recomputed when the 2027 notice is injected.

describe('periods running into a year without a published arrangement', () => {
  it('flags a calendar-day period whose last day is in 2027', () => {
    // handling: Fri 2026-11-20 + 60 = 2027-01-19 Tue (a weekday, so no move; but 2027 is unknown)
    const deadline = computeDeadline(clockSpecFor('handling'), { startAt: '2026-11-20T02:00:00Z' });
    expect(deadline).toMatchObject({
      lastDay: '2027-01-19',
      dueAt: '2027-01-19T16:00:00.000Z',
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('flags a working-day period across New Year 2027, and recomputes when the year is published', () => {
    // objection: after Mon 2026-12-28 → 12/29, 12/30, 12/31, [Fri 2027-01-01 元旦: a statutory holiday even before
    // the 2027 notice (放假办法 Art. 2: 元旦放假1天（1月1日）), Sat 1/2, Sun 1/3], Mon 01-04, Tue 01-05.
    // (Before 2027 had statutory holidays this expectation was Mon 2027-01-04, with 1/1 guessed working.)
    const spec = clockSpecFor('objection');
    const guess = computeDeadline(spec, { startAt: '2026-12-28T02:00:00Z' });
    expect(guess).toMatchObject({ lastDay: '2027-01-05', provisional: true, unpublishedYears: [2027] });

    // Hypothetical data standing in for the 2027 notice when it arrives: 1月1日至3日放假.
    const calendar = defaultWorkingCalendar().withArrangements([
      { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: 'test' },
    ]);
    const firm = computeDeadline(spec, { startAt: '2026-12-28T02:00:00Z' }, calendar);
    expect(firm).toMatchObject({ lastDay: '2027-01-05', provisional: false, unpublishedYears: [] });
  });
});

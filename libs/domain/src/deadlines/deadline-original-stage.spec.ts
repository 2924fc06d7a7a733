import { itEndsOnTheLastDay } from './__fixtures__/law-deadline.fixtures';
import { computeDeadline } from './compute-deadline';
import { clockSpecFor } from './deadline-policy';

// Expected dates worked out by hand from the notices (never with the calendar under test):
// 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）：
//   春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
//   劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
//   国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
// Counting (《民法典》第201–203条): the start day is not counted; the period ends 24:00 Asia/Shanghai of its last
// day (= that day 16:00Z); a last day that is not a working day moves to the first working day after it.

describe('original-stage clocks (Art 22, 23, 34)', () => {
  itEndsOnTheLastDay([
    // kind, start instant (UTC), expected last day, why
    ['dispatch', '2025-01-10T02:00:00Z', '2025-01-26', '1/10 + 15 = 1/25 Sat → 1/26 Sun is 调休上班, so the period ends then'],
    ['dispatch', '2025-03-03T15:59:59Z', '2025-03-18', 'Shanghai 3/3 23:59:59 Mon; +15 = 3/18 Tue'],
    ['dispatch', '2025-03-03T16:00:00Z', '2025-03-19', 'Shanghai 3/4 00:00 is the next day: +15 = 3/19 Wed'],
    ['acceptance', '2025-01-15T03:00:00Z', '2025-02-05', '1/15 + 15 = 1/30, inside 春节 (1/28–2/4) → 2/5 Wed'],
    ['acceptance', '2025-01-14T16:30:00Z', '2025-02-05', 'Shanghai 1/15 00:30: same start day as above'],
    ['objection', '2025-01-24T01:00:00Z', '2025-02-07', '5 working days after Fri 1/24: 1/26 (上班), 1/27, 2/5, 2/6, 2/7'],
    ['objection', '2025-09-26T02:00:00Z', '2025-10-10', 'after Fri 9/26: 9/28 (上班), 9/29, 9/30, [10/1–10/8 off], 10/9, 10/10'],
    ['objection', '2025-10-09T02:00:00Z', '2025-10-15', 'after Thu 10/9: 10/10, 10/11 (周六上班), 10/13, 10/14, 10/15'],
    ['handling', '2025-03-03T06:00:00Z', '2025-05-06', '3/3 + 60 = 5/2, inside 劳动节 (5/1–5/5) → 5/6 Tue'],
    ['handling', '2025-08-03T01:00:00Z', '2025-10-09', '8/3 + 60 = 10/2, inside 国庆 (10/1–10/8) → 10/9 Thu'],
  ]);

  it('tags each clock with its article', () => {
    const startAt = '2025-03-03T06:00:00Z';
    expect(computeDeadline(clockSpecFor('dispatch'), { startAt }).article).toBe('《信访工作条例》第22条');
    expect(computeDeadline(clockSpecFor('acceptance'), { startAt }).article).toBe('《信访工作条例》第23条');
    expect(computeDeadline(clockSpecFor('objection'), { startAt }).article).toBe('《信访工作条例》第23条');
    expect(computeDeadline(clockSpecFor('handling'), { startAt }).article).toBe('《信访工作条例》第34条（第31条第6项）');
  });

  it('adds an extension to the calendar end before moving off a rest day', () => {
    // 8/3 + 60 = 10/2 (国庆); + 30 days extension = 11/1 Sat → 11/3 Mon.
    // (Moving first would give 10/9 + 30 = 11/8 Sat → 11/10: we do not move twice.)
    const deadline = computeDeadline(clockSpecFor('handling'), { startAt: '2025-08-03T01:00:00Z', extensionDays: 30 });
    expect(deadline).toMatchObject({
      lastDay: '2025-11-03',
      dueAt: '2025-11-03T16:00:00.000Z',
      extensionDays: 30,
      article: '《信访工作条例》第34条（第31条第6项）',
    });
    // 10/2 + 10 = 10/12 Sun → 10/13 Mon
    expect(computeDeadline(clockSpecFor('handling'), { startAt: '2025-08-03T01:00:00Z', extensionDays: 10 }).lastDay).toBe('2025-10-13');
  });

  it('refuses an extension beyond 30 days, or on a clock that has none', () => {
    expect(() => computeDeadline(clockSpecFor('handling'), { startAt: '2025-08-03T01:00:00Z', extensionDays: 31 })).toThrow(
      expect.objectContaining({ code: 'EXTENSION_EXCEEDS_MAX' }),
    );
    expect(() => computeDeadline(clockSpecFor('acceptance'), { startAt: '2025-08-03T01:00:00Z', extensionDays: 1 })).toThrow(
      expect.objectContaining({ code: 'EXTENSION_NOT_ALLOWED' }),
    );
  });

  it('takes the 交办 feedback period from the bureau (Art 22)', () => {
    // Mon 9/22 + 10 = 10/2 (国庆) → 10/9
    const deadline = computeDeadline(clockSpecFor('assignment-feedback'), { startAt: '2025-09-22T02:00:00Z', amount: 10 });
    expect(deadline).toMatchObject({ lastDay: '2025-10-09', amount: 10, article: '《信访工作条例》第22条' });
    expect(() => computeDeadline(clockSpecFor('assignment-feedback'), { startAt: '2025-09-22T02:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'AMOUNT_REQUIRED' }),
    );
    expect(() => computeDeadline(clockSpecFor('acceptance'), { startAt: '2025-09-22T02:00:00Z', amount: 20 })).toThrow(
      expect.objectContaining({ code: 'AMOUNT_FIXED' }),
    );
  });
});

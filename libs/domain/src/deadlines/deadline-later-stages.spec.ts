import { itEndsOnTheLastDay } from './__fixtures__/law-deadline.fixtures';
import { computeDeadline } from './compute-deadline';
import { clockSpecFor } from './deadline-policy';
import { isLate } from './is-late';

// Expected dates worked out by hand from the notices:
// 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号） — see deadline-original-stage.spec.ts.
// 国务院办公厅关于2026年部分节假日安排的通知（www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm）：
//   元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
//   国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
// (chinese-days 1.5.7 holds exactly these 2026 dates: checked by hand in dist/chinese-days.json.)

describe('citizen windows and later stages (Art 35, 36, 40)', () => {
  itEndsOnTheLastDay([
    ['rating-window', '2025-12-05T08:00:00Z', '2026-01-04', 'Fri 12/5 + 30 = 1/4 Sun, 调休上班 → ends that day'],
    ['review-request-window', '2026-01-16T03:00:00Z', '2026-02-24', '1/16 + 30 = 2/15, 春节 2/15–2/23 → 2/24 Tue'],
    ['review-handling', '2026-09-01T02:00:00Z', '2026-10-08', '9/1 + 30 = 10/1, 国庆 10/1–10/7 → 10/8 Thu'],
    ['re-review-request-window', '2026-09-10T02:00:00Z', '2026-10-10', '9/10 + 30 = 10/10 Sat, 调休上班 → ends that day'],
    ['re-review-handling', '2025-06-03T02:00:00Z', '2025-07-03', 'Tue 6/3 + 30 = 7/3 Thu'],
    ['rating-window', '2026-12-01T02:00:00Z', '2026-12-31', '12/1 + 30 = 12/31 Thu: 2027 never consulted'],
  ]);

  it('tags the review clocks with Art 35 and 36 and the order answer with Art 40', () => {
    const at = { startAt: '2026-09-01T02:00:00Z' };
    expect(computeDeadline(clockSpecFor('review-request-window'), at).article).toBe('《信访工作条例》第35条');
    expect(computeDeadline(clockSpecFor('review-handling'), at).article).toBe('《信访工作条例》第35条');
    expect(computeDeadline(clockSpecFor('re-review-request-window'), at).article).toBe('《信访工作条例》第36条');
    expect(computeDeadline(clockSpecFor('re-review-handling'), at).article).toBe('《信访工作条例》第36条');
  });

  it('takes the supervision-order answer period from the bureau (Art 40)', () => {
    // Tue 2026-02-10 + 7 = 2/17, 春节 2/15–2/23 → 2/24 Tue
    const deadline = computeDeadline(clockSpecFor('supervision-order-answer'), { startAt: '2026-02-10T02:00:00Z', amount: 7 });
    expect(deadline).toMatchObject({ lastDay: '2026-02-24', article: '《信访工作条例》第40条' });
  });

  it('says a review request is late from 24:00 Asia/Shanghai of the last day', () => {
    const window = computeDeadline(clockSpecFor('review-request-window'), { startAt: '2026-01-16T03:00:00Z' });
    expect(isLate('2026-02-24T15:59:59.999Z', window)).toBe(false); // 2/24 23:59:59.999 in Shanghai
    expect(isLate('2026-02-24T23:59:59+08:00', window)).toBe(false);
    expect(isLate('2026-02-24T16:00:00Z', window)).toBe(true); // 2/25 00:00 in Shanghai
    expect(isLate('2026-02-16T02:00:00Z', window)).toBe(false); // during the holiday: still in time
  });

  it('says a rating or an objection is late the same way', () => {
    const rating = computeDeadline(clockSpecFor('rating-window'), { startAt: '2025-12-05T08:00:00Z' });
    expect(isLate('2026-01-04T10:00:00+08:00', rating)).toBe(false);
    expect(isLate('2026-01-05T00:00:00+08:00', rating)).toBe(true);
    const objection = computeDeadline(clockSpecFor('objection'), { startAt: '2025-01-24T01:00:00Z' });
    expect(isLate('2025-02-07T15:00:00Z', objection)).toBe(false);
    expect(isLate('2025-02-08T01:00:00Z', objection)).toBe(true); // 2/8 is a working Saturday, but past day 5
  });
});

import { defaultWorkingCalendar, isWorkingDay } from './default-calendar';
import { WorkingCalendar } from './working-calendar';

// Expected values quoted from the State Council's notices, never computed with chinese-days:
// 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）：
//   春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
//   劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
//   国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
// 国务院办公厅关于2026年部分节假日安排的通知（www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm）：
//   元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
//   国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
// chinese-days 1.5.7 holds 2004–2026 (checked in node_modules/chinese-days/dist/chinese-days.json); not 2027.

describe('WorkingCalendar', () => {
  const calendar = defaultWorkingCalendar();

  it.each([
    ['2025-01-26', 'make-up-workday', true], // 1月26日（周日）上班
    ['2025-01-27', 'workday', true],
    ['2025-01-28', 'holiday', false], // 除夕
    ['2025-02-04', 'holiday', false], // 正月初七
    ['2025-02-05', 'workday', true],
    ['2025-02-08', 'make-up-workday', true], // 2月8日（周六）上班
    ['2025-02-09', 'weekend', false],
    ['2025-04-27', 'make-up-workday', true],
    ['2025-05-05', 'holiday', false],
    ['2025-09-28', 'make-up-workday', true],
    ['2025-10-08', 'holiday', false],
    ['2025-10-11', 'make-up-workday', true],
    ['2025-10-12', 'weekend', false],
    ['2026-01-02', 'holiday', false],
    ['2026-01-04', 'make-up-workday', true],
    ['2026-02-14', 'make-up-workday', true],
    ['2026-02-23', 'holiday', false],
    ['2026-02-24', 'workday', true],
    ['2026-02-28', 'make-up-workday', true],
    ['2026-09-20', 'make-up-workday', true],
    ['2026-10-07', 'holiday', false],
    ['2026-10-10', 'make-up-workday', true],
  ])('classifies %s as %s', (date, kind, working) => {
    expect(calendar.dayInfo(date)).toEqual({ date, kind, working, provisional: false });
    expect(isWorkingDay(date)).toBe(working);
  });

  it('knows which years have a published arrangement', () => {
    const years = calendar.publishedYears();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years).toHaveLength(23);
    expect(calendar.isPublished(2027)).toBe(false);
    expect(calendar.sourceOf(2025)).toBe('chinese-days@1.5.7');
  });

  it('flags a day in an unpublished year as a provisional Mon–Fri guess', () => {
    // 2027-01-01 is a Friday; New Year's Day will surely be off, but no notice says so yet.
    expect(calendar.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', kind: 'workday', working: true, provisional: true });
    expect(calendar.dayInfo('2027-01-02')).toMatchObject({ kind: 'weekend', provisional: true });
  });

  it('counts the Nth working day after a date across 春节 2025 and its make-up days', () => {
    // After Fri 1/24: 1/26 Sun (上班) 1, 1/27 Mon 2, [1/28–2/4 off], 2/5 3, 2/6 4, 2/7 5, 2/8 Sat (上班) 6
    expect(calendar.addWorkingDays('2025-01-24', 5)).toEqual({ value: '2025-02-07', provisional: false, unpublishedYears: [] });
    expect(calendar.addWorkingDays('2025-01-24', 6).value).toBe('2025-02-08');
    expect(calendar.addWorkingDays('2025-01-24', 0).value).toBe('2025-01-24');
  });

  it('moves a rest day to the first working day after it', () => {
    expect(calendar.nextWorkingDayOnOrAfter('2025-10-01').value).toBe('2025-10-09');
    expect(calendar.nextWorkingDayOnOrAfter('2025-10-09').value).toBe('2025-10-09');
    expect(calendar.nextWorkingDayOnOrAfter('2025-01-25').value).toBe('2025-01-26'); // Sat → Sun 上班
  });

  it('counts working days in a range, both ends included', () => {
    // 2025-09-27 Sat … 2025-10-12 Sun: 9/28 (上班), 9/29, 9/30, 10/9, 10/10, 10/11 (上班)
    expect(calendar.countWorkingDays('2025-09-27', '2025-10-12').value).toBe(6);
  });

  it('reports the unpublished years a computation ran into', () => {
    // After Thu 2026-12-31: Fri 2027-01-01 counts as a working day only provisionally.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({
      value: '2027-01-01',
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('takes a newly published year as injected data, without touching the original calendar', () => {
    // Hypothetical 2027 data for the test (not the real notice): 1月1日至3日放假.
    const next = calendar.withArrangements([
      { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: 'test' },
    ]);
    expect(next.addWorkingDays('2026-12-31', 1)).toEqual({ value: '2027-01-04', provisional: false, unpublishedYears: [] });
    expect(next.isPublished(2027)).toBe(true);
    expect(calendar.isPublished(2027)).toBe(false);
  });

  it('refuses inconsistent holiday data', () => {
    const bad = { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-05'] }; // a Tuesday cannot be 调休上班
    expect(() => WorkingCalendar.fromArrangements([bad])).toThrow(/weekday/);
    expect(() => WorkingCalendar.fromArrangements([{ year: 2027, holidays: ['2026-12-31'], workdays: [] }])).toThrow(
      /not in 2027/,
    );
  });

  it('rejects what is not a calendar date', () => {
    expect(() => calendar.dayInfo('2025-02-30')).toThrow(RangeError);
    expect(() => calendar.dayInfo('2025/02/03')).toThrow(RangeError);
  });
});

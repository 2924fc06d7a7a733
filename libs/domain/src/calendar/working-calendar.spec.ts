import { chineseDaysArrangements } from './chinese-days-source';
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
    expect(calendar.dayInfo(date)).toMatchObject({ date, kind, working, provisional: false });
    expect(isWorkingDay(date)).toBe(working);
  });

  // A published year's day off is named by the holiday(s) whose days fall in its run of rest days, so the days the
  // notice adds (bridging days, weekends) carry the holiday they belong to; a make-up workday carries no name.
  it.each([
    ['2025-01-28', ['spring-festival']], // 除夕
    ['2025-02-04', ['spring-festival']], // 正月初七, a bridging day of 春节
    ['2025-05-05', ['labour-day']], // 劳动节 5月1日至5日
    ['2025-10-08', ['national-day', 'mid-autumn']], // 国庆节、中秋节 10月1日至8日 (中秋 10月6日), in date order
    ['2026-01-03', ['new-year']], // 元旦 1月1日至3日, a Saturday
    ['2026-02-23', ['spring-festival']],
    ['2026-04-04', ['qingming']], // 清明 4月4日至6日 (清明 4月5日)
    ['2026-06-21', ['dragon-boat']], // 端午 6月19日至21日 (端午 6月19日)
    ['2026-09-27', ['mid-autumn']], // 中秋 9月25日至27日 (中秋 9月25日)
    ['2026-10-07', ['national-day']],
    ['2022-12-31', ['new-year']], // 元旦 2023: 2022-12-31 to 2023-01-02, the run crosses the new year
    ['2008-06-08', ['dragon-boat']], // the first 端午 day off (国务院令第513号)
  ])('names the published day off %s by its run: %j', (date, statutoryHolidays) => {
    expect(calendar.dayInfo(date)).toEqual({ date, kind: 'holiday', working: false, provisional: false, statutoryHolidays });
  });

  it.each([
    ['2026-09-20', 'make-up-workday', true], // 调休上班 for 国庆节: the dates alone do not say which holiday
    ['2015-09-04', 'holiday', false], // 2015's 9月3日 纪念日 run (9月3日至5日) holds none of the seven holidays
    ['2007-09-25', 'workday', true], // 中秋 2007, before it was a day off
  ])('gives no name to %s (%s)', (date, kind, working) => {
    expect(calendar.dayInfo(date)).toEqual({ date, kind, working, provisional: false });
  });

  it('knows which years have a published arrangement', () => {
    const years = calendar.publishedYears();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years).toHaveLength(23);
    expect(calendar.isPublished(2027)).toBe(false);
    expect(calendar.sourceOf(2025)).toBe('chinese-days@1.5.7');
  });

  // An unpublished year follows the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision) and the weekends,
  // still flagged provisional: the year's notice will add bridging days and make-up workdays.
  // 2027: 元旦 Fri 1/1; 春节 除夕 Fri 2/5 – 初三 Mon 2/8; 清明 Mon 4/5; 劳动节 Sat 5/1 – Sun 5/2; 端午 Wed 6/9;
  // 中秋 Wed 9/15; 国庆 Fri 10/1 – Sun 10/3.
  it.each([
    ['2027-01-01', 'holiday', ['new-year']],
    ['2027-02-05', 'holiday', ['spring-festival']], // 除夕, a Friday
    ['2027-02-06', 'holiday', ['spring-festival']], // 正月初一, a Saturday: still the holiday
    ['2027-02-08', 'holiday', ['spring-festival']], // 初三, a Monday
    ['2027-04-05', 'holiday', ['qingming']],
    ['2027-05-01', 'holiday', ['labour-day']],
    ['2027-06-09', 'holiday', ['dragon-boat']],
    ['2027-09-15', 'holiday', ['mid-autumn']],
    ['2027-10-01', 'holiday', ['national-day']],
    ['2028-01-25', 'holiday', ['spring-festival']], // 除夕 2028, a Tuesday
    ['2028-04-04', 'holiday', ['qingming']],
    ['2028-05-28', 'holiday', ['dragon-boat']],
    ['2028-10-03', 'holiday', ['mid-autumn', 'national-day']], // one day, two holidays
  ])('classifies %s (unpublished year) as a provisional statutory %s', (date, kind, statutoryHolidays) => {
    expect(calendar.dayInfo(date)).toEqual({ date, kind, working: false, provisional: true, statutoryHolidays });
  });

  it.each([
    ['2027-01-02', 'weekend', false],
    ['2027-01-04', 'workday', true],
    ['2027-02-04', 'workday', true], // Thu before 除夕
    ['2027-02-09', 'workday', true], // Tue after 初三: no bridging days without the notice
    ['2027-02-13', 'weekend', false], // Sat: no make-up workdays without the notice
    ['2027-10-04', 'workday', true],
    ['2028-01-24', 'workday', true],
    ['2028-10-04', 'workday', true],
  ])('classifies %s (unpublished year) as a provisional %s', (date, kind, working) => {
    expect(calendar.dayInfo(date)).toEqual({ date, kind, working, provisional: true });
  });

  it('counts working days across 春节 2027 without the statutory holidays, provisionally', () => {
    // After Wed 2027-02-03: Thu 2/4 (1), [Fri 2/5 除夕 … Mon 2/8 初三 off], Tue 2/9 (2), Wed 2/10 (3), Thu 2/11 (4), Fri 2/12 (5).
    // (A plain Mon–Fri count would have said Wed 2/10.)
    expect(calendar.addWorkingDays('2027-02-03', 5)).toEqual({ value: '2027-02-12', provisional: true, unpublishedYears: [2027] });
    // A last day on 除夕 moves past 春节 to Tue 2/9 (a Mon–Fri guess would have kept Fri 2/5).
    expect(calendar.nextWorkingDayOnOrAfter('2027-02-05')).toEqual({ value: '2027-02-09', provisional: true, unpublishedYears: [2027] });
    // February 2027: 20 weekdays, 2 of them (Fri 2/5, Mon 2/8) statutory holidays.
    expect(calendar.countWorkingDays('2027-02-01', '2027-02-28').value).toBe(18);
  });

  it('counts 2028-10-03 (中秋 and 国庆 on one day) as one rest day', () => {
    // Sun 10/1, Mon 10/2 and Tue 10/3 off; Wed 10/4 … Fri 10/6 worked; Sat 10/7 off.
    expect(calendar.countWorkingDays('2028-10-01', '2028-10-07')).toEqual({ value: 3, provisional: true, unpublishedYears: [2028] });
    // After Fri 2028-09-29: Wed 10/4 (1), Thu 10/5 (2), Fri 10/6 (3), Mon 10/9 (4), Tue 10/10 (5).
    expect(calendar.addWorkingDays('2028-09-29', 5).value).toBe('2028-10-10');
  });

  it('leaves a published year (2026) to its notice: 春节 2026 with its make-up Saturday', () => {
    // After Thu 2026-02-12: Fri 2/13 (1), Sat 2/14 上班 (2), [2/15–2/23 off], Tue 2/24 (3), Wed 2/25 (4), Thu 2/26 (5).
    expect(calendar.addWorkingDays('2026-02-12', 5)).toEqual({ value: '2026-02-26', provisional: false, unpublishedYears: [] });
    expect(calendar.dayInfo('2026-02-16')).toMatchObject({ kind: 'holiday', provisional: false });
    expect(calendar.dayInfo('2026-02-20')).toMatchObject({ kind: 'holiday', provisional: false });
  });

  it('uses no statutory rule for an unpublished year before the 2024 revision took effect', () => {
    // A calendar holding 2026 only: 2024-10-01 (Tue) is a plain Mon–Fri guess, not a holiday.
    const only2026 = WorkingCalendar.fromArrangements(chineseDaysArrangements().filter((a) => a.year === 2026));
    expect(only2026.dayInfo('2024-10-01')).toEqual({ date: '2024-10-01', kind: 'workday', working: true, provisional: true });
    expect(only2026.dayInfo('2025-10-01')).toMatchObject({ kind: 'holiday', provisional: true });
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
    // After Thu 2026-12-31: Fri 2027-01-01 元旦 (statutory), Sat, Sun; Mon 2027-01-04, provisionally.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({
      value: '2027-01-04',
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
    // The injected year replaces the statutory guess: this made-up notice leaves 除夕 2027 a working day.
    expect(next.dayInfo('2027-02-05')).toEqual({ date: '2027-02-05', kind: 'workday', working: true, provisional: false });
    expect(calendar.dayInfo('2027-02-05')).toMatchObject({ kind: 'holiday', provisional: true });
  });

  it('refuses inconsistent holiday data', () => {
    const bad = { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-05'] }; // a Tuesday cannot be 调休上班
    expect(() => WorkingCalendar.fromArrangements([bad])).toThrow(/weekday/);
    expect(() => WorkingCalendar.fromArrangements([{ year: 2027, holidays: ['2026-12-31'], workdays: [] }])).toThrow(/not in 2027/);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => calendar.dayInfo('2025-02-30')).toThrow(RangeError);
    expect(() => calendar.dayInfo('2025/02/03')).toThrow(RangeError);
  });
});

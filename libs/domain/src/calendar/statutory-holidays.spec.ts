import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

import { chineseDaysArrangements } from './chinese-days-source';
import { holidayDaysOf, STATUTORY_HOLIDAY_NAMES, statutoryHolidaysOf } from './statutory-holidays';

// Expected dates written by hand, from the 2024 revision of 《全国年节及纪念日放假办法》 (国务院令第795号, Art. 2:
// 元旦1天、春节4天（除夕、正月初一至初三）、清明1天、劳动节2天（5月1日、2日）、端午1天、中秋1天、国庆3天（10月1日至3日))
// and the lunar calendar (农历):
//   2025 乙巳年: 除夕 1月28日, 正月初一 1月29日; 清明 4月4日; 端午 5月31日; 中秋 10月6日.
//   2026 丙午年: 除夕 2月16日, 正月初一 2月17日; 清明 4月5日; 端午 6月19日; 中秋 9月25日.
//   2027 丁未年: 除夕 2月5日 (腊月廿九: the 12th month of 丙午 has 29 days), 正月初一 2月6日; 清明 4月5日;
//                端午 6月9日; 中秋 9月15日.
//   2028 戊申年: 除夕 1月25日, 正月初一 1月26日; 清明 4月4日; 端午 5月28日; 中秋 10月3日 (= 国庆 day 3).
const Y2027 = {
  '2027-01-01': ['new-year'],
  '2027-02-05': ['spring-festival'],
  '2027-02-06': ['spring-festival'],
  '2027-02-07': ['spring-festival'],
  '2027-02-08': ['spring-festival'],
  '2027-04-05': ['qingming'],
  '2027-05-01': ['labour-day'],
  '2027-05-02': ['labour-day'],
  '2027-06-09': ['dragon-boat'],
  '2027-09-15': ['mid-autumn'],
  '2027-10-01': ['national-day'],
  '2027-10-02': ['national-day'],
  '2027-10-03': ['national-day'],
};
const Y2028 = {
  '2028-01-01': ['new-year'],
  '2028-01-25': ['spring-festival'],
  '2028-01-26': ['spring-festival'],
  '2028-01-27': ['spring-festival'],
  '2028-01-28': ['spring-festival'],
  '2028-04-04': ['qingming'],
  '2028-05-01': ['labour-day'],
  '2028-05-02': ['labour-day'],
  '2028-05-28': ['dragon-boat'],
  '2028-10-01': ['national-day'],
  '2028-10-02': ['national-day'],
  '2028-10-03': ['mid-autumn', 'national-day'],
};

describe('statutoryHolidaysOf (《全国年节及纪念日放假办法》, 2024 revision)', () => {
  it('gives the 13 statutory days of 2027, 春节 starting on 除夕 2月5日', () => {
    expect(Object.fromEntries(statutoryHolidaysOf(2027) ?? [])).toEqual(Y2027);
  });

  it('counts a day once when two holidays share it: 2028 has 12 days, 中秋 falling on 10月3日 (国庆)', () => {
    const y2028 = statutoryHolidaysOf(2028);
    expect(Object.fromEntries(y2028 ?? [])).toEqual(Y2028);
    expect(y2028?.size).toBe(12);
  });

  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-04-04',
        '2025-05-01',
        '2025-05-02',
        '2025-05-31',
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-06',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-04-05',
        '2026-05-01',
        '2026-05-02',
        '2026-06-19',
        '2026-09-25',
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
      ],
    ],
  ])('gives %s the dates the rule names, each a day off in that year’s published notice', (year, dates) => {
    const days = [...(statutoryHolidaysOf(year)?.keys() ?? [])];
    expect(days).toEqual(dates);
    // The State Council's arrangement (chinese-days' copy of the notices) gives every statutory day off, and more.
    const notice = chineseDaysArrangements().find((a) => a.year === year);
    expect(days.filter((d) => !notice?.holidays.includes(d))).toEqual([]);
  });

  it('applies only from 2025 (when the revision took effect) through 2099 (the end of the lunar data)', () => {
    expect(statutoryHolidaysOf(2024)).toBeUndefined();
    expect(statutoryHolidaysOf(2100)).toBeUndefined();
    expect(statutoryHolidaysOf(2099)?.get('2099-10-01')).toEqual(['national-day']);
  });

  // Only to name a published year's runs of days off: the days of each holiday the law has had since 2000.
  it('holidayDaysOf: from 2000 on; before 2008 only 元旦、春节、劳动节、国庆节 (清明、端午、中秋 came with 国务院令第513号)', () => {
    expect(holidayDaysOf(1999)).toBeUndefined();
    expect(holidayDaysOf(2100)).toBeUndefined();
    // 2007: 正月初一 is 2月18日 (除夕 2月17日); 中秋 2007 (9月25日) was a working day.
    expect(Object.fromEntries(holidayDaysOf(2007) ?? [])).toEqual({
      '2007-01-01': ['new-year'],
      '2007-02-17': ['spring-festival'],
      '2007-02-18': ['spring-festival'],
      '2007-02-19': ['spring-festival'],
      '2007-02-20': ['spring-festival'],
      '2007-05-01': ['labour-day'],
      '2007-05-02': ['labour-day'],
      '2007-10-01': ['national-day'],
      '2007-10-02': ['national-day'],
      '2007-10-03': ['national-day'],
    });
    // 2008: 清明 4月4日, 端午 6月8日, 中秋 9月14日 are holidays from that year on.
    expect(holidayDaysOf(2008)?.get('2008-04-04')).toEqual(['qingming']);
    expect(holidayDaysOf(2008)?.get('2008-06-08')).toEqual(['dragon-boat']);
    expect(holidayDaysOf(2008)?.get('2008-09-14')).toEqual(['mid-autumn']);
    expect(holidayDaysOf(2027)).toBe(statutoryHolidaysOf(2027));
  });

  it('names each holiday in Chinese and English', () => {
    expect(STATUTORY_HOLIDAY_NAMES['spring-festival']).toEqual({ zh: '春节', en: 'Spring Festival' });
    expect(STATUTORY_HOLIDAY_NAMES.qingming.zh).toBe('清明节');
  });

  // chinese-days prints some answers with the process zone's getters (getSolarTermDate and getSolarDateFromLunar
  // answer one day off west of UTC). Jest workers run TZ=UTC and cannot change zone, so run the code in child
  // processes: west of UTC (Los Angeles, UTC−12) and far east (Kiritimati, UTC+14).
  it.each(['America/Los_Angeles', 'Etc/GMT+12', 'Pacific/Kiritimati'])(
    'gives the same days with the process in %s',
    (tz) => {
      const root = path.resolve(__dirname, '../../../..');
      const script = `
        const { statutoryHolidaysOf } = require('./libs/domain/src/calendar/statutory-holidays.ts');
        const { defaultWorkingCalendar } = require('./libs/domain/src/calendar/default-calendar.ts');
        process.stdout.write(JSON.stringify({
          y2027: Object.fromEntries(statutoryHolidaysOf(2027)),
          y2028: Object.fromEntries(statutoryHolidaysOf(2028)),
          nth: defaultWorkingCalendar().addWorkingDays('2027-02-03', 5),
          published: defaultWorkingCalendar().dayInfo('2026-02-16'),
        }));`;
      const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
        cwd: root,
        env: { ...process.env, TZ: tz, SWC_NODE_PROJECT: 'tsconfig.base.json' },
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toEqual({
        y2027: Y2027,
        y2028: Y2028,
        nth: { value: '2027-02-12', provisional: true, unpublishedYears: [2027] },
        published: { date: '2026-02-16', kind: 'holiday', working: false, provisional: false, statutoryHolidays: ['spring-festival'] },
      });
    },
    30_000,
  );
});

import { defaultWorkingCalendar } from './default-calendar';
import { WorkingCalendar } from './working-calendar';

// Expected values quoted from 国务院办公厅关于2026年部分节假日安排的通知 (see working-calendar.spec.ts), never computed:
//   元旦 1月1日至3日放假，1月4日（周日）上班；春节 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班；
//   清明 4月4日至6日；劳动节 5月1日至5日放假，5月9日（周六）上班；端午 6月19日至21日；中秋 9月25日至27日；
//   国庆 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班。
const run = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
};
const HOLIDAYS_2026 = [
  ...run('2026-01-01', '2026-01-03'),
  ...run('2026-02-15', '2026-02-23'),
  ...run('2026-04-04', '2026-04-06'),
  ...run('2026-05-01', '2026-05-05'),
  ...run('2026-06-19', '2026-06-21'),
  ...run('2026-09-25', '2026-09-27'),
  ...run('2026-10-01', '2026-10-07'),
];
const MAKE_UP_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('WorkingCalendar.specialDays: a year off the ordinary week', () => {
  it('2026 as published: every 放假 day and every 调休上班 day, in date order, nothing else', () => {
    const days = defaultWorkingCalendar().specialDays(2026);
    expect(days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(HOLIDAYS_2026);
    expect(days.filter((d) => d.kind === 'make-up-workday').map((d) => d.date)).toEqual(MAKE_UP_2026);
    expect(days).toHaveLength(39);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.every((d) => !d.provisional)).toBe(true);
    expect(days.find((d) => d.date === '2026-10-10')).toEqual({
      date: '2026-10-10',
      kind: 'make-up-workday',
      working: true,
      provisional: false,
    });
  });

  it('a year without an arrangement: the law’s statutory holidays only, provisional and named; no 调休', () => {
    const days = WorkingCalendar.fromArrangements([]).specialDays(2027);
    expect(days.map((d) => [d.date, d.statutoryHolidays])).toEqual([
      ['2027-01-01', ['new-year']],
      ['2027-02-05', ['spring-festival']],
      ['2027-02-06', ['spring-festival']],
      ['2027-02-07', ['spring-festival']],
      ['2027-02-08', ['spring-festival']],
      ['2027-04-05', ['qingming']],
      ['2027-05-01', ['labour-day']],
      ['2027-05-02', ['labour-day']],
      ['2027-06-09', ['dragon-boat']],
      ['2027-09-15', ['mid-autumn']],
      ['2027-10-01', ['national-day']],
      ['2027-10-02', ['national-day']],
      ['2027-10-03', ['national-day']],
    ]);
    expect(days.every((d) => d.kind === 'holiday' && d.provisional)).toBe(true);
  });
});

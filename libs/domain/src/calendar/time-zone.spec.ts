import { addDays, dayOfWeek, daysBetween } from './local-date';
import { shanghaiDateOf, shanghaiEndOfDay, shanghaiStartOfDay } from './shanghai-time';

// The wrapper reads chinese-days' JSON instead of calling its functions: the package builds its lookup table when
// it loads, from dates read in the process's zone, so west of UTC it answers for the wrong day (seen with
// TZ=America/Los_Angeles node: isWorkday('2025-02-10'), an ordinary Monday, is false). Jest workers cannot change
// their zone at run time, so this file checks the other half: nothing here reads the process's zone.
describe('Asia/Shanghai dates and instants', () => {
  it.each([
    ['2025-01-14T15:59:59Z', '2025-01-14'],
    ['2025-01-14T16:00:00Z', '2025-01-15'],
    ['2025-01-15T00:30:00+08:00', '2025-01-15'],
    ['2025-01-14T23:30:00-05:00', '2025-01-15'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
  ])('reads %s as the Shanghai date %s', (instant, date) => {
    expect(shanghaiDateOf(instant)).toBe(date);
  });

  it('gives the UTC instants of 00:00 and 24:00 Asia/Shanghai', () => {
    expect(shanghaiEndOfDay('2025-01-15')).toBe('2025-01-15T16:00:00.000Z');
    expect(shanghaiStartOfDay('2025-01-15')).toBe('2025-01-14T16:00:00.000Z');
    expect(shanghaiStartOfDay('2025-01-01')).toBe('2024-12-31T16:00:00.000Z');
  });

  it('refuses an instant without an offset, which would be read in the process zone', () => {
    expect(() => shanghaiDateOf('2025-01-15T10:00:00')).toThrow(/offset/);
  });

  it('does date arithmetic on plain dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-03-10', '2025-05-09')).toBe(60);
    expect(dayOfWeek('2025-01-26')).toBe(0); // 周日
  });
});

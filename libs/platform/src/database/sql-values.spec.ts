import { isoOf } from './sql-values';

describe('isoOf', () => {
  it('keeps the milliseconds of a Date from node-postgres', () => {
    expect(isoOf(new Date('2026-11-22T03:01:12.345Z'))).toBe('2026-11-22T03:01:12.345Z');
  });

  it('reads text timestamps and gives null for nothing or garbage', () => {
    expect(isoOf('2026-11-22 11:01:12.345+08')).toBe('2026-11-22T03:01:12.345Z');
    expect(isoOf(null)).toBeNull();
    expect(isoOf('not a date')).toBeNull();
  });
});

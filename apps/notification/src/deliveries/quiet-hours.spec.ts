import { afterQuietHours } from './quiet-hours';

const NIGHT = { start: 21 * 60, end: 8 * 60 };

describe('afterQuietHours (21:00–08:00 Asia/Shanghai)', () => {
  it('holds an SMS at 21:30 Shanghai until 08:00 the next morning', () => {
    // 2026-12-02 13:30Z = 21:30 Shanghai → 2026-12-03 08:00 Shanghai = 2026-12-03 00:00Z
    expect(afterQuietHours(new Date('2026-12-02T13:30:00.000Z'), NIGHT).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('holds an SMS at 02:00 Shanghai until 08:00 the same morning', () => {
    // 2026-12-02 18:00Z = 2026-12-03 02:00 Shanghai
    expect(afterQuietHours(new Date('2026-12-02T18:00:00.000Z'), NIGHT).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('sends at once at 08:00 and at 20:59 Shanghai', () => {
    expect(afterQuietHours(new Date('2026-12-03T00:00:00.000Z'), NIGHT).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(afterQuietHours(new Date('2026-12-02T12:59:00.000Z'), NIGHT).toISOString()).toBe('2026-12-02T12:59:00.000Z');
  });

  it('holds from 21:00 sharp, and never when the quiet hours are off', () => {
    expect(afterQuietHours(new Date('2026-12-02T13:00:00.000Z'), NIGHT).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(afterQuietHours(new Date('2026-12-02T13:00:00.000Z'), null).toISOString()).toBe('2026-12-02T13:00:00.000Z');
  });

  it('handles quiet hours that do not wrap midnight (12:00–14:00)', () => {
    // 05:00Z = 13:00 Shanghai → 14:00 Shanghai = 06:00Z
    expect(afterQuietHours(new Date('2026-12-02T05:00:00.000Z'), { start: 720, end: 840 }).toISOString()).toBe('2026-12-02T06:00:00.000Z');
  });
});

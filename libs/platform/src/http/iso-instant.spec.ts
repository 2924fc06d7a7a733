import { isoInstantSchema } from './iso-instant';

describe('isoInstantSchema', () => {
  it('hands on an instant with an offset as UTC', () => {
    expect(isoInstantSchema.parse('2025-05-02T00:00:00+08:00')).toBe('2025-05-01T16:00:00.000Z');
    expect(isoInstantSchema.parse('2025-05-01T16:00:00Z')).toBe('2025-05-01T16:00:00.000Z');
    expect(isoInstantSchema.parse('2025-05-01T02:00:00-12:00')).toBe('2025-05-01T14:00:00.000Z');
  });

  it('refuses an offset beyond ±14:00, which PostgreSQL cannot read (a fuzzer found -20:21)', () => {
    expect(isoInstantSchema.safeParse('1208-02-13T22:55:53.362-20:21').error?.issues.map((i) => i.message)).toEqual([
      'the UTC offset must lie within ±14:00',
    ]);
    expect(isoInstantSchema.safeParse('2025-05-01T00:00:00+14:01').success).toBe(false);
  });

  it('refuses year 0 (PostgreSQL has none), also when an offset moves a date there', () => {
    expect(isoInstantSchema.safeParse('0000-06-01T00:00:00Z').success).toBe(false);
    expect(isoInstantSchema.safeParse('0001-01-01T00:00:00+08:00').success).toBe(false);
    expect(isoInstantSchema.parse('0001-01-01T08:00:00+08:00')).toBe('0001-01-01T00:00:00.000Z');
  });

  it('refuses what is not an ISO instant with an offset', () => {
    expect(isoInstantSchema.safeParse('2025-05-01').success).toBe(false);
    expect(isoInstantSchema.safeParse('2025-05-01T00:00:00').success).toBe(false);
  });
});

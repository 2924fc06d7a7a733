import { yearArrangementSchema } from './year-arrangement';

describe('yearArrangementSchema', () => {
  it('refuses dates that are not dates, or in another year, as issues (no throw), naming each field', () => {
    const result = yearArrangementSchema.safeParse({ year: 1999, holidays: ['2000-01-01'], workdays: ['', '0005-11-04'], source: '' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['holidays.0', 'workdays.0', 'workdays.1']));
  });

  it('still refuses a weekday given as a make-up workday', () => {
    const result = yearArrangementSchema.safeParse({ year: 2025, holidays: ['2025-10-01'], workdays: ['2025-09-30'] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['workdays.0', '2025-09-30 is a weekday: a make-up workday is a weekend day'],
    ]);
  });

  it('accepts 2025’s National Day arrangement (make-up Sunday 28 September)', () => {
    expect(
      yearArrangementSchema.safeParse({ year: 2025, holidays: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] })
        .success,
    ).toBe(true);
  });
});

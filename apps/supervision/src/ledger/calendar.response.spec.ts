import { arrangementPublishedSchema, calendarYearSchema, loadedArrangementsSchema } from './calendar.response';

// The documented answers (@ZodResponse) accept what the service answers and say what a client may rely on.
describe('the calendar’s documented answers', () => {
  it('a published year: its holidays named by their run, and make-up workdays with no name', () => {
    const year = {
      year: 2026,
      published: true,
      source: 'chinese-days@1.5.7',
      days: [
        { date: '2026-09-20', kind: 'make-up-workday', statutoryHolidays: [] },
        { date: '2026-10-01', kind: 'holiday', statutoryHolidays: ['national-day'] },
        { date: '2026-10-07', kind: 'holiday', statutoryHolidays: ['national-day'] },
      ],
    };
    expect(calendarYearSchema.parse(year)).toEqual(year);
  });

  it('a provisional year names the statutory holiday of each day; a plain weekend or an unknown holiday is not an answer', () => {
    const year = {
      year: 2027,
      published: false,
      source: null,
      days: [{ date: '2027-10-01', kind: 'holiday', statutoryHolidays: ['national-day'] }],
    };
    expect(calendarYearSchema.parse(year)).toEqual(year);
    expect(calendarYearSchema.safeParse({ ...year, days: [{ date: '2027-10-02', kind: 'weekend', statutoryHolidays: [] }] }).success).toBe(
      false,
    );
    expect(
      calendarYearSchema.safeParse({ ...year, days: [{ date: '2027-10-01', kind: 'holiday', statutoryHolidays: ['golden-week'] }] })
        .success,
    ).toBe(false);
  });

  it('the 202 of a load: the year and the revision published', () => {
    expect(arrangementPublishedSchema.parse({ year: 2027, revision: 1 })).toEqual({ year: 2027, revision: 1 });
    expect(arrangementPublishedSchema.safeParse({ year: 2027 }).success).toBe(false);
    expect(arrangementPublishedSchema.safeParse({ year: 2027, revision: 0 }).success).toBe(false);
  });

  it('the loaded arrangements: year, source, revision, who and when', () => {
    const loaded = [
      { year: 2027, source: '国办发明电〔2026〕7号', revision: 3, loadedBy: 'demo-city-ops', loadedAt: '2026-11-20T02:00:00.000Z' },
    ];
    expect(loadedArrangementsSchema.parse(loaded)).toEqual(loaded);
  });
});

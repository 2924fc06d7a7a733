import { reportWithContentSchema, storedReportListSchema } from './reports.response';

// The documented answers (@ZodResponse) accept what the service answers and say what a client may rely on.
const report = {
  id: '0193a5b2-7c1e-7e2a-9f00-0000000000c1',
  kind: 'monthly',
  divisionCode: '410700',
  period: { kind: 'month', from: '2026-11-01', to: '2026-11-30', label: '2026-11' },
  generatedAt: '2026-12-01T00:05:00.000Z',
};

describe('the reports’ documented answers', () => {
  it('the list: stored reports of a kind in the vocabulary', () => {
    expect(storedReportListSchema.parse([report])).toEqual([report]);
    expect(storedReportListSchema.safeParse([{ ...report, kind: 'hourly' }]).success).toBe(false);
  });

  it('one report: its tables hold text, numbers and empty cells', () => {
    const content = {
      title: '信访工作月报',
      tables: [{ name: '总体情况', headers: ['指标', '本期', '环比'], rows: [['批次', 12, null]] }],
    };
    expect(reportWithContentSchema.parse({ report, content })).toEqual({ report, content });
  });
});

import { alertListSchema, reportedUpSchema } from './alerts.response';

// The documented answers (@ZodResponse) accept what the service answers and say what a client may rely on.
const alert = {
  alertId: '0193a5b2-7c1e-7e2a-9f00-0000000000b1',
  kind: 'hot-topic',
  level: 'warning',
  divisionCode: '410726',
  category: 'labour.wage-arrears',
  count: 6,
  threshold: 5,
  sensitivePeriod: null,
  caseIds: ['0193a5b2-7c1e-7e2a-9f00-000000000001', '0193a5b2-7c1e-7e2a-9f00-000000000002'],
  raisedAt: '2026-12-02T01:00:00.000Z',
  representativeCaseId: '0193a5b2-7c1e-7e2a-9f00-000000000001',
  representativeSubject: null,
};

describe('the alerts’ documented answers', () => {
  it('a hot topic whose representative subject the caller may not read is what the schema describes', () => {
    expect(alertListSchema.parse([alert])).toEqual([alert]);
  });

  it('a kind or level outside the early-warning vocabulary is not', () => {
    expect(alertListSchema.safeParse([{ ...alert, kind: 'rumour' }]).success).toBe(false);
    expect(alertListSchema.safeParse([{ ...alert, level: 'red' }]).success).toBe(false);
  });

  it('report-up answers the units reported to', () => {
    expect(reportedUpSchema.parse({ toUnitIds: ['410700000000:bureau'] })).toEqual({ toUnitIds: ['410700000000:bureau'] });
  });
});

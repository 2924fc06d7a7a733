import { kpiPeriodOf, rankScores, type SubjectScore } from '@sunshine/domain';

import { publishedRankingListSchema, rankingPreviewSchema } from './rankings.response';

// The documented answers (@ZodResponse) accept what the service builds and say what a client may rely on.
const scores: SubjectScore[] = [
  { subject: '410721', score: 81.5, earned: { onTimeReply: 40, timelyAcceptance: 41.5 }, deducted: {}, bonus: {} },
  {
    subject: '410726',
    score: 92.25,
    earned: { onTimeReply: 50, timelyAcceptance: 42.25 },
    deducted: { overdue: 1 },
    bonus: { resolved: 1 },
  },
];
const rows = [
  {
    subject: '410726',
    score: 92.25,
    earned: { onTimeReply: 50, timelyAcceptance: 42.25 },
    deducted: { overdue: 1 },
    bonus: { resolved: 1 },
    rank: 1,
  },
  { subject: '410721', score: 81.5, earned: { onTimeReply: 40, timelyAcceptance: 41.5 }, deducted: {}, bonus: {}, rank: 2 },
];
const period = { kind: 'bi-month', from: '2026-11-01', to: '2026-12-31', label: '2026-B6' };

describe('the rankings’ documented answers', () => {
  it('the preview: the ranked scores with the red and black lists, as libs/domain draws them, are what the schema describes', () => {
    const preview = {
      ...rankScores(scores, { top: 1, bottom: 1 }),
      divisionCode: '410700',
      level: 'county',
      schemeId: 'default',
      schemeVersion: 3,
      period: kpiPeriodOf('bi-month', '2026-12-02'),
    };
    expect(rankingPreviewSchema.parse(preview)).toEqual({
      rows,
      red: ['410726'],
      black: ['410721'],
      divisionCode: '410700',
      level: 'county',
      schemeId: 'default',
      schemeVersion: 3,
      period,
    });
  });

  it('the published list: a stored ranking carries its id, publisher and time; a level outside county/township is not described', () => {
    const published = {
      rows,
      red: ['410726'],
      black: ['410721'],
      divisionCode: '410700',
      level: 'county',
      schemeId: 'default',
      schemeVersion: 3,
      period,
      id: '0193a5b2-7c1e-7e2a-9f00-0000000000a1',
      publishedBy: 'staff-city-supervisor',
      publishedAt: '2027-01-02T01:00:00.000Z',
    };
    expect(publishedRankingListSchema.parse([published])).toEqual([published]);
    expect(publishedRankingListSchema.safeParse([{ ...published, level: 'village' }]).success).toBe(false);
  });
});

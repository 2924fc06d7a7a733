import { evaluationPeriodSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { PublishedRanking, RankingPreview } from './ranking.service';

const points = z.record(z.string(), z.number());

/** One ranked territory: its score and how the scheme made it (libs/domain `scoreOf`, `rankScores`). */
const rankedSchema = z.object({
  subject: z.string().describe('参评区划 / the ranked division'),
  score: z.number().describe('得分（两位小数） / the score, 2 decimals'),
  earned: points.describe('各指标得分 / points earned per rate'),
  deducted: points.describe('扣分 / points deducted'),
  bonus: points.describe('加分 / bonus points'),
  rank: z.number().int().describe('名次（同分同名次） / the rank, shared by equal scores'),
});

/** GET /rankings/preview: the ranking as it stands under the scheme in force (not published). */
export const rankingPreviewSchema = z.object({
  rows: z.array(rankedSchema),
  red: z.array(z.string()).describe('红榜 / the red list'),
  black: z.array(z.string()).describe('黑榜 / the black list'),
  divisionCode: z.string().describe('辖区 / the territory'),
  level: z.enum(['county', 'township']).describe('参评层级 / who is ranked'),
  schemeId: z.string(),
  schemeVersion: z.number().int(),
  period: evaluationPeriodSchema,
});

/** A published ranking (POST /rankings answers it; GET /rankings lists them, newest first). */
export const publishedRankingSchema = rankingPreviewSchema.extend({
  id: z.uuid(),
  publishedBy: z.string().describe('发布人 / who published it'),
  publishedAt: z.string(),
});

export const publishedRankingListSchema = z.array(publishedRankingSchema);

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type RankingPreviewDocumented = AssertTrue<ResponseMatches<RankingPreview, typeof rankingPreviewSchema>>;
export type PublishedRankingDocumented = AssertTrue<ResponseMatches<PublishedRanking, typeof publishedRankingSchema>>;

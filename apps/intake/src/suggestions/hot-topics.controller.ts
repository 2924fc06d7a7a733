import { AllowServiceTokens, Roles, StaffController, StaffRoute, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { hotTopicsResponseSchema } from './hot-topics.response';
import { type HotTopicsAnswer, HotTopicsService } from './hot-topics.service';

const querySchema = z.object({
  days: z.coerce.number().int().min(1).max(90).default(7).describe('时间窗（天） / the window, days'),
  minSize: z.coerce.number().int().min(2).max(100).default(5).describe('成为热点的最少件数 / petitions that make a hot topic'),
  similarity: z.coerce.number().min(0.05).max(0.95).default(0.3).describe('与聚类中心的最小余弦相似度 / cosine to the centroid'),
});
type HotTopicsQueryDto = z.infer<typeof querySchema>;

/**
 * For supervision's hot-topic scan only (its service token): the clusters of similar petitions per county within the
 * window, case ids only. Staff tokens are refused (403 SERVICE_ONLY), other services' (403 SERVICE_NOT_ALLOWED); staff
 * read a topic's text through the dossier, with visibility applied there.
 */
@AllowServiceTokens('supervision')
@Roles({ code: 'SERVICE_ONLY' }, 'service')
@StaffController('hot-topics', 'hot topics 热点问题（服务间）')
export class HotTopicsController {
  constructor(private readonly hot: HotTopicsService) {}

  @StaffRoute('GET', '', {
    summary:
      '热点问题聚类（仅限督查服务，仅事项编号） Clusters of similar petitions per county in the window (supervision only; case ids only)',
  })
  @ZodResponse(hotTopicsResponseSchema)
  topics(@ZodQuery(querySchema) q: HotTopicsQueryDto): Promise<HotTopicsAnswer> {
    return this.hot.topics(q);
  }
}

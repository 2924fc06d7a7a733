import { divisionCodeSchema, uuidSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { HotTopicsAnswer } from './hot-topics.service';

/** GET /hot-topics (service token): clusters of similar open petitions per county, case ids only. */
export const hotTopicsResponseSchema = z.object({
  from: z.string().describe('窗口起 / window start (exclusive)'),
  to: z.string().describe('窗口止 / window end'),
  petitions: z.number().int().describe('参与聚类的事项数（不含检举控告和保密件） / open petitions clustered'),
  topics: z.array(
    z.object({
      divisionCode: divisionCodeSchema.describe('区县 / the county'),
      caseIds: z.array(uuidSchema).describe('聚类中的事项（按时间） / the petitions, in time order'),
      representativeCaseId: uuidSchema.describe('代表性事项 / the petition nearest the centroid'),
      from: z.string(),
      to: z.string(),
      cohesion: z.number().describe('聚合度 0–1 / mean cosine to the centroid'),
    }),
  ),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type HotTopicsDocumented = AssertTrue<ResponseMatches<HotTopicsAnswer, typeof hotTopicsResponseSchema>>;

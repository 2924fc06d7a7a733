import { z } from 'zod';

import { isoDateTimeSchema, unitIdSchema, vocabulary } from '../vocabulary/codes';

/** The stages a petitioner can ask for: 复查 review (Art 35) and 复核 re-review (Art 36). */
export const [ReviewStages, reviewStageSchema] = vocabulary(['review', 're-review']);
export type ReviewStage = z.infer<typeof reviewStageSchema>;

/**
 * `petition.review-requested` v1 — 申请复查 / 申请复核: the petitioner asked for the next stage (《信访工作条例》第35条
 * 复查, 第36条 复核), within 30 days of receiving the written reply. `requestedAt` is when the request reached the
 * organ (it decides whether it was in time); `unitId` is the unit the petitioner addressed, when stated.
 */
export const petitionReviewRequestedV1 = z.object({
  stage: reviewStageSchema,
  requestedAt: isoDateTimeSchema,
  unitId: unitIdSchema.optional(),
});
export type PetitionReviewRequested = z.infer<typeof petitionReviewRequestedV1>;

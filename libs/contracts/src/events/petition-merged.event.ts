import { z } from 'zod';

import { reasonSchema, uuidSchema } from '../vocabulary/codes';

/**
 * `petition.merged` v1 — 并单 / 重复信访: staff linked this case, after registration, to an earlier case as a repeat of
 * the same matter (《信访工作条例》第19条 decides whether it may be accepted). `score` is the matcher's similarity in
 * [0, 1] (1 for a link made by hand without a matcher).
 */
export const petitionMergedV1 = z.object({
  matchedCaseId: uuidSchema,
  score: z.number().min(0).max(1),
  reason: reasonSchema.optional(),
});
export type PetitionMerged = z.infer<typeof petitionMergedV1>;

import { z } from 'zod';

import { reasonOf, unitIdSchema, uuidSchema, vocabulary } from '../vocabulary/codes';

/**
 * Why a case closed: the review window passed without a request (《信访工作条例》第35条), it was not accepted, it went
 * into another legal procedure (第31条), it has no review chain (suggestions 第29条, accusations 第30条), or it was
 * merged (并单) into another case of the same matter, which carries on. A withdrawal is its own status
 * (`petition.withdrawn`), not a closing reason.
 */
export const [ClosingReasons, closingReasonCodeSchema] = vocabulary([
  'window-passed',
  'not-accepted',
  'other-procedure',
  'no-review-chain',
  'other',
  'merged',
]);
export type ClosingReason = z.infer<typeof closingReasonCodeSchema>;

/**
 * `case.closed` v1 — 办结: the case is closed at the unit that held it (`unitId`). Reason `merged` (并单): routing ends
 * the case intake linked to an earlier one (`petition.merged`); `mergedInto` is the case that carries on, with its
 * number for the notice telling the petitioner where the matter continues.
 */
export const caseClosedV1 = z.object({
  unitId: unitIdSchema,
  reason: reasonOf(closingReasonCodeSchema),
  mergedInto: uuidSchema.optional(),
  mergedIntoCaseNumber: z.string().min(1).max(40).optional(),
});
export type CaseClosed = z.infer<typeof caseClosedV1>;

/**
 * `case.finalized` v1 — 不再受理: re-review answered; the same matter on the same facts and reasons is not accepted
 * again by any organ (《信访工作条例》第36条). `unitId` is the re-reviewing unit.
 */
export const caseFinalizedV1 = z.object({
  unitId: unitIdSchema,
});
export type CaseFinalized = z.infer<typeof caseFinalizedV1>;

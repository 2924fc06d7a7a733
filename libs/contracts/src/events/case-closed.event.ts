import { z } from 'zod';
import { unitIdSchema } from '../vocabulary/codes';

/**
 * Why a case closed: the review window passed without a request (《信访工作条例》第35条), it was not accepted, it went
 * into another legal procedure (第31条), or it has no review chain (suggestions 第29条, accusations 第30条).
 * A withdrawal is its own status (`petition.withdrawn`), not a closing reason.
 */
export const ClosingReasons = ['window-passed', 'not-accepted', 'other-procedure', 'no-review-chain', 'other'] as const;
export const closingReasonCodeSchema = z.enum(ClosingReasons);
export type ClosingReason = z.infer<typeof closingReasonCodeSchema>;

/** `case.closed` v1 — 办结: the case is closed at the unit that held it (`unitId`). */
export const caseClosedV1 = z.object({
  unitId: unitIdSchema,
  reason: z.object({ code: closingReasonCodeSchema, text: z.string().max(200).optional() }),
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

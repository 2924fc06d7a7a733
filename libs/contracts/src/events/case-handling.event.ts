import { z } from 'zod';

import { unitIdSchema } from '../vocabulary/codes';

/** The unit holding the hearing, and its own reference for it. */
const hearingFacts = { unitId: unitIdSchema, hearingId: z.string().min(1).max(64).optional() };

/** `case.handling-started` v1 — 开始办理: the accepted case is being handled (《信访工作条例》第27、28条). */
export const caseHandlingStartedV1 = z.object({
  unitId: unitIdSchema,
});
export type CaseHandlingStarted = z.infer<typeof caseHandlingStartedV1>;

/**
 * `case.hearing-started` v1 — 听证: a hearing began (《信访工作条例》第31条 for major, complex matters; 第36条: hearing
 * time does not count towards the re-review deadline). `hearingId` is the unit's own reference.
 */
export const caseHearingStartedV1 = z.object(hearingFacts);
export type CaseHearingStarted = z.infer<typeof caseHearingStartedV1>;

/** `case.hearing-ended` v1 — 听证结束: the paused clock runs again (第36条). */
export const caseHearingEndedV1 = z.object(hearingFacts);
export type CaseHearingEnded = z.infer<typeof caseHearingEndedV1>;

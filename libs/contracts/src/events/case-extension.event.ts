import { z } from 'zod';

import { reasonSchema, unitIdSchema } from '../vocabulary/codes';
import { staffRefSchema } from './shared-refs.event';

/** 《信访工作条例》第34条: the handling period may be extended by at most 30 days. */
export const MAX_EXTENSION_DAYS = 30;
/** The handling unit and the days it asks for, or is granted. */
const extensionDays = { unitId: unitIdSchema, days: z.number().int().min(1).max(MAX_EXTENSION_DAYS) };

/** `case.extension-requested` v1 — 申请延期: the handling unit asks for more days, with the reason (第34条). */
export const caseExtensionRequestedV1 = z.object({ ...extensionDays, reason: reasonSchema });
export type CaseExtensionRequested = z.infer<typeof caseExtensionRequestedV1>;

/**
 * `case.extension-approved` v1 — 批准延期: the unit's head (`approvedBy`) approved `days` more (at most 30 in total,
 * 第34条); the petitioner is told why (notification).
 */
export const caseExtensionApprovedV1 = z.object({
  ...extensionDays,
  approvedBy: staffRefSchema,
  reason: reasonSchema.optional(),
});
export type CaseExtensionApproved = z.infer<typeof caseExtensionApprovedV1>;

/** `case.extension-rejected` v1 — 不予延期: the head (`rejectedBy`) refused; the original deadline stands. */
export const caseExtensionRejectedV1 = z.object({
  unitId: unitIdSchema,
  rejectedBy: staffRefSchema,
  reason: reasonSchema,
});
export type CaseExtensionRejected = z.infer<typeof caseExtensionRejectedV1>;

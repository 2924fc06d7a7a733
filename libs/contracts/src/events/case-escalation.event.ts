import { z } from 'zod';

import { reasonSchema, unitIdSchema, vocabulary } from '../vocabulary/codes';

/**
 * `case.escalated` v1 — 提级督办 / 上报协调: supervision raised the case about the unit (`unitId`) from one supervising
 * level (`fromUnitId`) to the next (`toUnitId`), step `policyStep` of the jurisdiction's policy (《信访工作条例》
 * 第24、39、40条). Escalation does not move the case.
 */
export const caseEscalatedV1 = z.object({
  unitId: unitIdSchema,
  fromUnitId: unitIdSchema,
  toUnitId: unitIdSchema,
  policyStep: z.number().int().min(1),
  reason: reasonSchema,
});
export type CaseEscalated = z.infer<typeof caseEscalatedV1>;

/** 重大 / 紧急 (《信访工作条例》第25条). */
export const [UrgentMatterKinds, urgentMatterKindSchema] = vocabulary(['major', 'urgent']);
export type UrgentMatterKind = z.infer<typeof urgentMatterKindSchema>;

/**
 * `case.reported-up` v1 — 重大紧急信访事项报告: the unit (`unitId`) reported the matter at once to the same-level party
 * committee and government and, as a bureau, to the level above (`toUnitIds`) (《信访工作条例》第25条).
 */
export const caseReportedUpV1 = z.object({
  unitId: unitIdSchema,
  toUnitIds: z.array(unitIdSchema).min(1).max(10),
  kind: urgentMatterKindSchema,
  reason: reasonSchema,
});
export type CaseReportedUp = z.infer<typeof caseReportedUpV1>;

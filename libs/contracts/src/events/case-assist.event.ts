import { z } from 'zod';

import { unitIdSchema } from '../vocabulary/codes';
import { documentRefSchema } from './shared-refs.event';

/**
 * `case.assisting-unit-added` v1 — 协办单位: the lead unit (主办, `unitId`) asked another unit to assist on a matter that
 * involves several units (办理, 《信访工作条例》第27、28条: 相互配合, 不得推诿).
 */
export const caseAssistingUnitAddedV1 = z.object({
  unitId: unitIdSchema,
  assistingUnitId: unitIdSchema,
});
export type CaseAssistingUnitAdded = z.infer<typeof caseAssistingUnitAddedV1>;

/** `case.assist-contributed` v1 — 协办意见: the assisting unit (`unitId`) handed its contribution to the lead unit (第27、28条). */
export const caseAssistContributedV1 = z.object({
  unitId: unitIdSchema,
  leadUnitId: unitIdSchema,
  documentRef: documentRefSchema.optional(),
});
export type CaseAssistContributed = z.infer<typeof caseAssistContributedV1>;

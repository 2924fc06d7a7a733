import { z } from 'zod';

import { unitIdSchema } from '../vocabulary/codes';
import { reviewStageSchema } from './petition-review-requested.event';

/**
 * `case.stage-opened` v1 — 复查 / 复核受理: a review request opened the next stage at the next-higher unit (`unitId`,
 * 《信访工作条例》第35条 上一级机关、单位复查; 第36条 复查机关的上一级复核). The case is `dispatched` again, in that
 * stage; `fromUnitId` is the unit whose reply is reviewed.
 */
export const caseStageOpenedV1 = z.object({
  stage: reviewStageSchema,
  unitId: unitIdSchema,
  fromUnitId: unitIdSchema,
});
export type CaseStageOpened = z.infer<typeof caseStageOpenedV1>;

import { z } from 'zod';

import { unitIdSchema } from '../vocabulary/codes';
import { staffRefSchema } from './shared-refs.event';

/**
 * `case.signed` v1 — 签收: the receiving unit's clerk signed for the case it received by 转送/交办 (《信访工作条例》第22、23条;
 * the acceptance and objection clocks already run from the dispatch).
 */
export const caseSignedV1 = z.object({
  unitId: unitIdSchema,
});
export type CaseSigned = z.infer<typeof caseSignedV1>;

/** `case.handler-assigned` v1 — 确定经办人: the unit's head named the handler (《信访工作条例》第27、28条 办理). */
export const caseHandlerAssignedV1 = z.object({
  unitId: unitIdSchema,
  handlerId: staffRefSchema,
});
export type CaseHandlerAssigned = z.infer<typeof caseHandlerAssignedV1>;

import { z } from 'zod';

import { dispatchModeSchema, isoDateTimeSchema, stageSchema, unitIdSchema } from '../vocabulary/codes';

/** `case.dispatched` v1 — routing sent the case to a unit: 转送 (forward) or 交办 (assign, with feedback due). */
export const caseDispatchedV1 = z.object({
  stage: stageSchema,
  fromUnitId: unitIdSchema,
  toUnitId: unitIdSchema,
  mode: dispatchModeSchema,
  /** 交办 only: when the bureau wants the completion report (办结报告). */
  feedbackDueAt: isoDateTimeSchema.optional(),
  rule: z.object({ id: z.string().min(1).max(64), version: z.number().int().min(0) }),
  /** Why it landed there, in words a clerk reads (zh-CN), e.g. "属地：延津县；主管：人社局（劳资纠纷）". */
  reasons: z.array(z.string().max(200)).max(10),
  hop: z.number().int().min(1),
});

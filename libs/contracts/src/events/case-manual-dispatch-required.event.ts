import { z } from 'zod';

import { reasonOf, unitIdSchema, vocabulary } from '../vocabulary/codes';

/**
 * Why a person at the dispatch desk must decide: no rule settled it, the case was objected to twice (推诿), or its place
 * or category was registered as given (not in the directory or the code table).
 */
export const [ManualDispatchReasons, manualDispatchReasonCodeSchema] = vocabulary([
  'no-rule-matched',
  'ambiguous-rules',
  'objected-twice',
  'rule-error',
  // The place or the category is not in the directory or the code table (有访必录入 registered it as given).
  'unresolved-registration',
  // The matter is final after re-review (不再受理, Art 36): the bureau decides 不予受理 rather than a rule dispatching it.
  'finalized-matter',
]);
export type ManualDispatchReason = z.infer<typeof manualDispatchReasonCodeSchema>;

/**
 * `case.manual-dispatch-required` v1 — 人工转送/交办: routing could not settle where the case goes (《信访工作条例》第22条),
 * or two objections were raised on the case (第23、24条), so a person at `unitId`'s dispatch desk decides; supervision
 * flags objected-twice cases.
 */
export const caseManualDispatchRequiredV1 = z.object({
  unitId: unitIdSchema,
  reason: reasonOf(manualDispatchReasonCodeSchema),
});
export type CaseManualDispatchRequired = z.infer<typeof caseManualDispatchRequiredV1>;

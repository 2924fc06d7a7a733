import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { DispatchEntry } from './dispatch-log';

/** One dispatch of the case with the rule that matched and why (automatic or at the desk). */
export const dispatchEntrySchema = z.object({
  hop: z.number().int().describe('第几次转送交办 / the hop'),
  stage: z.string(),
  fromUnitId: z.string(),
  toUnitId: z.string(),
  mode: z.string().describe('forward 转送 | assign 交办'),
  rule: z.object({ id: z.string(), version: z.number().int() }).describe('匹配的分办规则 / the rule that matched'),
  reasons: z.array(z.string()).describe('理由（属地、主管、逐级…） / why'),
  eventId: z.uuid(),
  at: z.string().describe('ISO 8601 instant'),
});

/** GET /cases/{caseId}/dispatches. */
export const dispatchListSchema = z.array(dispatchEntrySchema);

/** Compile-time guard: the service's type and the documented schema stay one. */
export type DispatchListDocumented = AssertTrue<ResponseMatches<DispatchEntry[], typeof dispatchListSchema>>;

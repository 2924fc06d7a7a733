import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { BacklogView } from './backlog-register.service';

/** One entry of the backlog register (积案台账). */
export const backlogViewSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  caseStatus: z.string().nullable(),
  unitId: z.string().describe('承办单位 / the unit holding it'),
  status: z.enum(['registered', 'cleared']).describe('在册 / 已销号'),
  reasonCode: z.string(),
  plan: z.string().nullable().describe('化解方案 / the plan'),
  planDueDate: z.string().nullable().describe('YYYY-MM-DD'),
  registeredAt: z.string(),
  clearedAt: z.string().nullable(),
});

/** GET /backlog. */
export const backlogListSchema = z.array(backlogViewSchema);

/** Compile-time guard: the service's type and the documented schema stay one. */
export type BacklogViewDocumented = AssertTrue<ResponseMatches<BacklogView, typeof backlogViewSchema>>;

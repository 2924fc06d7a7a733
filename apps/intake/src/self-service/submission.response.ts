import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { Submitted } from './online-submission.service';

/** POST /public/petitions (网上信访): what the petitioner writes down to follow the case, and who registered it. */
export const submittedSchema = z.object({
  caseNumber: z.string().describe('信访事项编号 / the case number'),
  queryCode: z.string().describe('查询码（仅此一次告知） / the query code, told this once'),
  receivingUnit: z.object({ id: z.string(), name: z.string() }).describe('登记的信访部门 / the bureau that registered it'),
  identity: z
    .object({ status: z.literal('unverified'), note: z.object({ zh: z.string(), en: z.string() }) })
    .describe('网上提交的身份尚未核验 / an online identity is unverified'),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type SubmittedDocumented = AssertTrue<ResponseMatches<Submitted, typeof submittedSchema>>;

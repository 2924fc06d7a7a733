import { petitionRegisteredV1 } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { Registered } from './registration.service';

const reasons = z.array(z.string()).describe('依据 / why');

const repeatMatchSchema = z.object({
  caseId: z.uuid().describe('疑似重复的原事项 / the earlier case'),
  score: z.number().describe('文本相似度 0–1 / cosine similarity'),
  basis: z
    .enum(['same-petitioner', 'same-phone', 'same-name-and-place', 'near-duplicate-text'])
    .describe('认定依据 / how it was recognised'),
  reason: z.object({ zh: z.string(), en: z.string() }),
});

/** 登记时的提示（越级、重复、第十九条、已终结、迟收），逐项说明依据 / the registration's checks, each with its reasons. */
export const registrationChecksSchema = z.object({
  skipLevel: z.object({ flagged: z.boolean(), competentUnitId: z.string().nullable(), reasons }).describe('越级 / skip-level'),
  repeat: repeatMatchSchema.nullable().describe('重复信访 / repeat of an earlier case'),
  similarText: repeatMatchSchema.nullable().optional().describe('相似文本 / near-duplicate text'),
  art19: z.object({ notAccepted: z.boolean(), reasons }).nullable().describe('第十九条不予受理 / art. 19'),
  finality: z
    .object({
      caseId: z.string(),
      caseNumber: z.string().nullable(),
      finalSince: z.string(),
      reasons,
      decide: z.object({ action: z.literal('not-accept'), properChannel: z.literal('no-further-petition') }),
    })
    .nullable()
    .describe('已终结事项 / the matter is final'),
  lateReceipt: z.object({ days: z.number().int(), confirmedBy: z.string() }).optional().describe('迟收确认 / late receipt confirmed'),
});

/** POST /petitions (201): the case registered, its flags and checks. */
export const registeredSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().describe('信访件编号 / case number'),
  queryCode: z.string().describe('查询码，仅此一次 / the query code, shown once, for the petitioner'),
  flags: petitionRegisteredV1.shape.flags,
  checks: registrationChecksSchema,
  asGiven: petitionRegisteredV1.shape.asGiven.unwrap().optional().describe('目录或代码表未知的地点/类别原文 / place or category as given'),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type RegisteredDocumented = AssertTrue<ResponseMatches<Registered, typeof registeredSchema>>;

import { caseStatusSchema, petitionTypeSchema, stageSchema } from '@sunshine/contracts';
import { z } from 'zod';

import type { AssertTrue, ResponseMatches } from '../http/zod-response.decorator';
import type { CaseCore } from './case-core';

/** CaseCore as the lists document it in their success answers (@ZodResponse): no text, no personal data. */
export const caseCoreSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable().describe('信访件编号 / case number'),
  status: caseStatusSchema.nullable().describe('状态，登记前为空 / status, null before registration'),
  stage: stageSchema.describe('办理阶段 / stage'),
  type: petitionTypeSchema.nullable().describe('信访类型 / petition type'),
  category: z.string().nullable().describe('问题类别代码 / category code'),
  placeCode: z.string().nullable().describe('问题发生地区划代码 / place (division code)'),
  holdingUnitId: z.string().nullable().describe('承办单位 / holding unit'),
});

/** Compile-time guard: CaseCore and its documented schema stay one. */
export type CaseCoreDocumented = AssertTrue<ResponseMatches<CaseCore, typeof caseCoreSchema>>;

import { stageSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { ClockView } from './clock-view';
import type { ClockListItem } from './clocks-query.service';

/** A clock of the ledger (a case's clocks, the overdue lists). */
export const clockViewSchema = z.object({
  clockId: z.string(),
  kind: z.string().describe('期限种类 / clock kind'),
  stage: stageSchema,
  unitId: z.string().describe('负有义务的单位 / the unit that owes it'),
  article: z.string().describe('条例依据 / the article'),
  startAt: z.string(),
  dueAt: z.string(),
  lastDay: z.string().describe('最后一日（北京时间 YYYY-MM-DD） / last day, Beijing time'),
  provisional: z.boolean().describe('节假日未公布，期限可能变动 / holidays not published yet'),
  status: z.enum(['running', 'paused', 'overdue', 'satisfied', 'ended', 'expired', 'lapsed']),
  late: z.boolean().nullable().describe('逾期后才完成 / satisfied after its due'),
  stoppedAt: z.string().nullable(),
});

/** GET /clocks: the ledger of my jurisdiction, each clock with its case. */
export const clockListSchema = z.array(clockViewSchema.extend({ caseId: z.uuid(), caseNumber: z.string().nullable() }));

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type ClockViewDocumented = AssertTrue<ResponseMatches<ClockView, typeof clockViewSchema>>;
export type ClockListDocumented = AssertTrue<ResponseMatches<ClockListItem[], typeof clockListSchema>>;

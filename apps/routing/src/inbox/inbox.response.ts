import { type AssertTrue, caseCoreSchema, type ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { InboxPage } from './inbox.service';

/** One duty the unit owes on the case now (libs/domain `unitDuties`), soonest first. */
export const unitDutySchema = z.object({
  clock: z.string().describe('期限种类 / clock kind'),
  label: z.string().describe('期限名称 / the clock in words'),
  article: z.string().describe('条例依据 / the article'),
  lastDay: z.string().describe('最后一日（北京时间 YYYY-MM-DD） / last day, Beijing time'),
  dueAt: z.string().describe('ISO 8601 instant'),
  provisional: z.boolean().describe('节假日未公布，期限可能变动 / holidays not published yet'),
  state: z.enum(['running', 'warned', 'overdue']).describe('计时中 / 预警 / 超期'),
});

const mergedIntoSchema = z
  .object({ caseId: z.string(), caseNumber: z.string().nullable() })
  .nullable()
  .describe('并单：已并入的事项 / merged into');

/** One inbox row: everything the list shows (no dossier request per row). */
export const inboxItemSchema = caseCoreSchema.extend({
  subject: z.string().nullable().describe('事由，仅可阅全文者可见 / subject, only where the reader may read the case'),
  holding: z.boolean().describe('本单位在办 / the unit holds it now'),
  assisting: z.boolean().describe('本单位协办 / the unit assists'),
  holdingUnitName: z.string().nullable(),
  placeName: z.string().nullable().describe('问题发生地名称 / the place in words'),
  duties: z.array(unitDutySchema).describe('本单位当前期限 / what the unit owes now'),
  mergedInto: mergedIntoSchema,
  dueAt: z.string().nullable(),
  dueProvisional: z.boolean(),
  registeredAt: z.string().nullable(),
  objectedTwice: z.boolean().describe('两次异议（推诿） / objected twice'),
  version: z.number().int().describe('版本号，操作时作 If-Match / the version for If-Match'),
  updatedAt: z.string(),
});

/** GET /inbox: one page, the total and the counts by status. */
export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()).describe('按状态计数（无状态为 none） / counts by status'),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type InboxPageDocumented = AssertTrue<ResponseMatches<InboxPage, typeof inboxPageSchema>>;

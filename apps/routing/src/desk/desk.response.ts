import { type AssertTrue, caseCoreSchema, type ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { DeskItem } from './desk.service';

/** One case at the bureau's manual dispatch desk, and why it waits there. */
export const deskItemSchema = caseCoreSchema.extend({
  subject: z.string().nullable().describe('事由，仅可阅全文者可见 / subject, only where the reader may read the case'),
  reason: z
    .string()
    .describe('objection-pending | objected-twice | objection-approved | no-rule-matched | rule-error | awaiting-dispatch …'),
  objectedTwice: z.boolean().describe('两次异议（推诿） / objected twice'),
  detail: z.string().nullable().describe('最近一次异议或分办规则的说明 / the latest objection’s or the policy’s words'),
  dueAt: z.string().nullable(),
  version: z.number().int().describe('版本号，操作时作 If-Match / the version for If-Match'),
});

/** GET /desk: one page and the total. */
export const deskPageSchema = z.object({ items: z.array(deskItemSchema), total: z.number().int() });

/** Compile-time guard: the service's type and the documented schema stay one. */
export type DeskPageDocumented = AssertTrue<ResponseMatches<{ items: DeskItem[]; total: number }, typeof deskPageSchema>>;

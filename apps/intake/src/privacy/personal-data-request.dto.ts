import { isoInstantSchema } from '@sunshine/platform';
import { z } from 'zod';

import { personSchema } from '../registration/register-petition.dto';
import { caseKeySchema } from '../self-service/citizen.dto';

/** The contact details a petitioner may have corrected (the ID number only at the window, in person, against the card). */
export const correctableContactSchema = z
  .object({ name: personSchema.shape.name, phone: personSchema.shape.phone, address: personSchema.shape.address })
  .partial()
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), '至少更正一项 / at least one field');
export type CorrectableContact = z.infer<typeof correctableContactSchema>;

/** The petitioner's own words on why (sealed; shown to the petition bureau only). */
const requestReasonSchema = z.string().trim().min(1).max(500).optional();

/**
 * 个人信息更正、删除请求 (PIPL Art 46, 47), filed with the case number and query code: a correction names the new
 * values; a deletion asks for the case's personal data to go.
 */
export const fileRequestSchema = z.discriminatedUnion('kind', [
  caseKeySchema.extend({ kind: z.literal('correction'), changes: correctableContactSchema, reason: requestReasonSchema }),
  caseKeySchema.extend({ kind: z.literal('deletion'), reason: requestReasonSchema }),
]);
export type FileRequestDto = z.infer<typeof fileRequestSchema>;

/** What the petitioner is answered on filing. */
export const filedRequestSchema = z.object({
  requestId: z.uuid(),
  caseNumber: z.string(),
  kind: z.enum(['correction', 'deletion']),
  status: z.literal('pending'),
  filedAt: isoInstantSchema,
});
export type FiledRequest = z.infer<typeof filedRequestSchema>;

/** The petition bureau's decision: grant (correct, or delete where the law permits) or refuse, with a reason code. */
export const decideRequestSchema = z.object({
  decision: z.enum(['grant', 'refuse']),
  /** Why, as a code (e.g. `UNVERIFIED` for a refusal); the law's own codes (CASE_OPEN) are set by the platform. */
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,47}$/)
    .optional(),
});
export type DecideRequestDto = z.infer<typeof decideRequestSchema>;

/** The decision as recorded (and as the petitioner is told, through notification, without the personal data). */
export const decidedRequestSchema = z.object({
  requestId: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(['correction', 'deletion']),
  outcome: z.enum(['corrected', 'deleted', 'refused']),
  code: z.string().nullable(),
  /** zh-CN: why, when the law decided it (an open case's data is kept). */
  reasonZh: z.string().nullable(),
  eventId: z.uuid(),
  decidedAt: isoInstantSchema,
});
export type DecidedRequest = z.infer<typeof decidedRequestSchema>;

/** A case's requests as the petition bureau sees them (the asked-for values opened: recorded as a read of personal data). */
export const caseRequestsSchema = z.object({
  /** `facts-only`: the caller may know the case only by its facts (an accusation's registering bureau): no values, no reason. */
  access: z.enum(['facts-only', 'full']).describe('查阅范围 / what the caller may read'),
  items: z.array(
    z.object({
      requestId: z.uuid(),
      kind: z.enum(['correction', 'deletion']),
      changes: correctableContactSchema.nullable(),
      reason: z.string().nullable(),
      status: z.enum(['pending', 'corrected', 'deleted', 'refused']),
      filedAt: isoInstantSchema,
      decidedAt: isoInstantSchema.nullable(),
      decidedBy: z.string().nullable(),
      decisionCode: z.string().nullable(),
    }),
  ),
});
export type CaseRequests = z.infer<typeof caseRequestsSchema>;

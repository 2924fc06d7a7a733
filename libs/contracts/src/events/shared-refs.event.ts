import { z } from 'zod';

/**
 * Small reference types shared by several case-log payloads. References only: a staff subject or a document id that
 * the owning service resolves for authorised callers, never a name, a phone or the petition's text.
 */

/** An opaque staff subject (the identity provider's `sub`), e.g. the head who approved (审签) or the handler (经办人). */
export const staffRefSchema = z.string().min(1).max(96);
export type StaffRef = z.infer<typeof staffRefSchema>;

/** A document held by the producing service (处理意见书, 办结报告, 督办回复 …), e.g. `routing:reply:<uuid>`. */
export const documentRefSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[0-9a-z][0-9a-z:._-]*$/i, 'document ref: letters, digits and : . _ -');
export type DocumentRef = z.infer<typeof documentRefSchema>;

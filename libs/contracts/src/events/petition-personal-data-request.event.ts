import { z } from 'zod';

import { uuidSchema, vocabulary } from '../vocabulary/codes';

/** 个人信息更正、删除请求 (《个人信息保护法》第46条, 第47条): what the petitioner asked for. */
export const [PersonalDataRequestKinds, personalDataRequestKindSchema] = vocabulary(['correction', 'deletion']);
export type PersonalDataRequestKind = z.infer<typeof personalDataRequestKindSchema>;

/**
 * How the petition bureau decided: `corrected` (the fields were replaced), `deleted` (the case's personal data was
 * de-identified now, as the retention job does), `refused` (nothing changed; `code` says why).
 */
export const [PersonalDataRequestOutcomes, personalDataRequestOutcomeSchema] = vocabulary(['corrected', 'deleted', 'refused']);
export type PersonalDataRequestOutcome = z.infer<typeof personalDataRequestOutcomeSchema>;

/**
 * `petition.personal-data-request-decided` v1 — 个人信息更正/删除请求已处理: the petition bureau decided the petitioner's
 * request; the petitioner is to be told (notification). No personal data: the request's id, its kind, the outcome and a
 * code (e.g. `CASE_OPEN` for a deletion refused while the case is handled); who decided is the envelope's actor.
 */
export const petitionPersonalDataRequestDecidedV1 = z.object({
  requestId: uuidSchema,
  kind: personalDataRequestKindSchema,
  outcome: personalDataRequestOutcomeSchema,
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,47}$/)
    .optional(),
});
export type PetitionPersonalDataRequestDecided = z.infer<typeof petitionPersonalDataRequestDecidedV1>;

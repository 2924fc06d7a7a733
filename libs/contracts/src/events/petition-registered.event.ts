import { z } from 'zod';
import {
  categoryCodeSchema,
  channelSchema,
  divisionCodeSchema,
  isoDateTimeSchema,
  petitionTypeSchema,
  unitIdSchema,
  uuidSchema,
} from '../vocabulary/codes';

/** `petition.registered` v1 — intake registered a petition (有访必录入). Facts only: no text, no personal data. */
export const petitionRegisteredV1 = z.object({
  caseNumber: z.string().min(1).max(40),
  channel: channelSchema,
  form: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('individual') }),
    z.object({
      kind: z.literal('collective'),
      headCount: z.number().int().min(2),
      representatives: z.number().int().min(0).max(5),
    }),
  ]),
  type: petitionTypeSchema,
  category: categoryCodeSchema,
  placeCode: divisionCodeSchema,
  receivingUnitId: unitIdSchema,
  receivedAt: isoDateTimeSchema,
  registeredAt: isoDateTimeSchema,
  /** Opaque petitioner reference inside intake (not the blind index, not a name). */
  petitionerRef: uuidSchema,
  /** For accusations: the accused unit (the accused person stays in intake's dossier). */
  accusedUnitId: unitIdSchema.optional(),
  flags: z.object({
    repeatOf: uuidSchema.optional(),
    skipLevel: z.boolean(),
    leaderReception: z.string().max(96).optional(),
    confidential: z.boolean(),
    lawsuit: z.boolean(),
  }),
  attachmentCount: z.number().int().min(0),
});

import { z } from 'zod';

import { reasonSchema, vocabulary } from '../vocabulary/codes';
import { petitionRegisteredV1 } from './petition-registered.event';

/** The registered facts staff may correct (never the text: it stays in intake's dossier). */
export const [CorrectableFacts, correctableFactSchema] = vocabulary([
  'channel',
  'form',
  'type',
  'category',
  'placeCode',
  'receivedAt',
  'accusedUnitId',
  'flags',
  'attachmentCount',
]);
export type CorrectableFact = z.infer<typeof correctableFactSchema>;

const correctedFacts = petitionRegisteredV1
  .pick({
    channel: true,
    form: true,
    type: true,
    category: true,
    placeCode: true,
    receivedAt: true,
    accusedUnitId: true,
    attachmentCount: true,
  })
  .extend({ flags: petitionRegisteredV1.shape.flags.partial() })
  .partial();

/**
 * `petition.corrected` v1 — 更正登记信息: intake staff corrected registered facts (有访必录入 makes the register the
 * record, 《信访工作条例》第17、21条). `changes` holds the new values of the corrected facts only; who corrected is the
 * envelope's actor. `reason` says why (e.g. code `clerical-error`).
 */
export const petitionCorrectedV1 = z.object({
  changes: correctedFacts.refine((c) => Object.keys(c).length > 0, 'at least one corrected fact'),
  reason: reasonSchema,
});
export type PetitionCorrected = z.infer<typeof petitionCorrectedV1>;

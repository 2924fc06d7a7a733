import { channelSchema, divisionCodeSchema, petitionTypeSchema, reasonSchema, unitIdSchema } from '@sunshine/contracts';
import { z } from 'zod';

import { categorySchema, formSchema } from './register-petition.dto';

/** 更正登记信息: the registered facts to correct (the new values), and why. The text of the petition is not corrected here. */
export const correctPetitionSchema = z.object({
  changes: z
    .object({
      channel: channelSchema.optional(),
      type: petitionTypeSchema.optional(),
      category: categorySchema.optional(),
      placeCode: divisionCodeSchema.optional(),
      receivedAt: z.iso.datetime({ offset: true }).optional(),
      form: formSchema.optional(),
      accusedUnitId: unitIdSchema.optional(),
    })
    .strict()
    .refine((c) => Object.values(c).some((v) => v !== undefined), '至少更正一项 / at least one fact to correct'),
  /** A code (e.g. `clerical-error`) and a short staff-written text; never the petitioner's words. */
  reason: reasonSchema,
});
export type CorrectPetitionDto = z.infer<typeof correctPetitionSchema>;

/** 并单: this case repeats an earlier one (the score comes from the matcher). */
export const mergePetitionSchema = z.object({
  matchedCaseId: z.uuid(),
  reason: reasonSchema.optional(),
});
export type MergePetitionDto = z.infer<typeof mergePetitionSchema>;

import { channelSchema, divisionCodeSchema, petitionTypeSchema } from '@sunshine/contracts';
import { z } from 'zod';

/** What the registration form sends while the clerk types: the text, and where and what kind of petition it is. */
export const suggestionRequestSchema = z.object({
  subject: z.string().max(200).optional(),
  /** Up to 20,000 characters (a long letter's body). */
  body: z.string().max(20000).optional(),
  /** The place (事发地): with it the answer names the unit the routing policy would choose. */
  placeCode: divisionCodeSchema.optional(),
  type: petitionTypeSchema.default('claim'),
  channel: channelSchema.default('visit'),
});
export type SuggestionRequestDto = z.infer<typeof suggestionRequestSchema>;

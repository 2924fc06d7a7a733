import { z } from 'zod';

import { reasonSchema } from '../vocabulary/codes';

/**
 * `petition.withdrawn` v1 — 撤回信访事项: the petitioner withdrew the petition; it ends whatever stage the case is in. The
 * regulation has no article on withdrawal; it is recorded like every step (有访必录入, 《信访工作条例》第17、21条).
 * The reason is a code plus short staff-written text, never the petitioner's words.
 */
export const petitionWithdrawnV1 = z.object({
  reason: reasonSchema.optional(),
});
export type PetitionWithdrawn = z.infer<typeof petitionWithdrawnV1>;

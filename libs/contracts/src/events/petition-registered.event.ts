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
    /**
     * The earlier case of the same matter that is final after re-review (复核终结, 《信访工作条例》第36条): the same
     * matter on the same facts and reasons is not accepted again. Registered all the same; the bureau decides 不予受理.
     */
    finalOf: uuidSchema.optional(),
    skipLevel: z.boolean(),
    leaderReception: z.string().max(96).optional(),
    confidential: z.boolean(),
    lawsuit: z.boolean(),
  }),
  attachmentCount: z.number().int().min(0),
  /**
   * 有访必录入 of a place the directory or a category the code table does not know (another province, a code not in the
   * table, the clerk's own words): what the clerk gave, kept as given. `placeCode` is then the receiving unit's division
   * (the territory that holds the case until a person decides), `category` is `other`. Present means: no automatic
   * dispatch; a person at the dispatch desk decides (人工分办, `case.manual-dispatch-required` reason
   * `unresolved-registration`). A place or a category's words, never an address or personal data (they stay in the dossier).
   */
  asGiven: z
    .object({
      placeCode: z
        .string()
        .regex(/^\d{6,12}$/, 'division code as given: 6 to 12 digits')
        .optional(),
      placeText: z.string().min(1).max(100).optional(),
      category: z.string().min(1).max(50).optional(),
    })
    .refine((g) => g.placeCode !== undefined || g.placeText !== undefined || g.category !== undefined, 'at least one fact as given')
    .optional(),
  /**
   * 智能分类: the category intake's `POST /suggestions` suggested for the text (model version, category, score) and
   * whether the clerk registered it as suggested (`accepted`): the suggestion's acceptance rate, measured in production.
   */
  suggestion: z
    .object({
      model: z.string().min(1).max(64),
      category: categoryCodeSchema,
      score: z.number().min(0).max(1),
      accepted: z.boolean(),
    })
    .optional(),
});

import {
  divisionCodeSchema,
  petitionTypeSchema,
  ratingScoreSchema,
  ratingSubjectSchema,
  reviewStageSchema,
  stageSchema,
  unitIdSchema,
} from '@sunshine/contracts';
import { isoInstantSchema } from '@sunshine/platform';
import { z } from 'zod';

import {
  accusedSchema,
  categorySchema,
  contentSchema,
  formSchema,
  personSchema,
  refineRegistration,
  subjectSchema,
} from '../registration/register-petition.dto';

/** What unlocks a case for its petitioner: the case number and the query code (never in a URL: bodies only). */
export const caseKeySchema = z.object({
  caseNumber: z.string().trim().min(5).max(40),
  queryCode: z.string().trim().min(4).max(16),
});
export type CaseKey = z.infer<typeof caseKeySchema>;

/** 满意度评价: the stage (the current one by default) and subject (the handling unit by default). */
export const citizenRatingSchema = caseKeySchema.extend({
  stage: stageSchema.optional(),
  subject: ratingSubjectSchema.default('handling-unit'),
  score: ratingScoreSchema,
});
export type CitizenRatingDto = z.infer<typeof citizenRatingSchema>;

/**
 * 回访: a rating staff took from the petitioner by phone, marked as such, with when the call took place (now by
 * default); who called is the caller's token. The petitioner's own rating later replaces it.
 */
export const callbackRatingSchema = z.object({
  stage: stageSchema.optional(),
  subject: ratingSubjectSchema.default('handling-unit'),
  score: ratingScoreSchema,
  calledAt: isoInstantSchema.optional(),
});
export type CallbackRatingDto = z.infer<typeof callbackRatingSchema>;

/** 申请复查 / 复核 (Art 35, 36). */
export const reviewRequestSchema = caseKeySchema.extend({ stage: reviewStageSchema });
export type ReviewRequestDto = z.infer<typeof reviewRequestSchema>;

/** 撤回: the reason as a code only (the petitioner's own words are not put on the case log). */
export const WithdrawalReasons = ['resolved', 'no-longer-needed', 'other'] as const;
export const withdrawalSchema = caseKeySchema.extend({ reason: z.enum(WithdrawalReasons).default('no-longer-needed') });
export type WithdrawalDto = z.infer<typeof withdrawalSchema>;

/** 网上信访: a citizen submits online (or from the app); the phone is required so a lost query code can be recovered. */
export const submitOnlineSchema = z
  .object({
    channel: z.enum(['online', 'app']).default('online'),
    type: petitionTypeSchema,
    category: categorySchema,
    placeCode: divisionCodeSchema,
    subject: subjectSchema,
    content: contentSchema,
    petitioner: personSchema.extend({ phone: personSchema.shape.phone.unwrap() }),
    form: formSchema.default({ kind: 'individual' }),
    accused: accusedSchema.optional(),
    /** The petition bureau addressed; by default the lowest bureau whose territory contains the place. */
    receivingUnitId: unitIdSchema.optional(),
  })
  .superRefine(refineRegistration);
export type SubmitOnlineDto = z.infer<typeof submitOnlineSchema>;

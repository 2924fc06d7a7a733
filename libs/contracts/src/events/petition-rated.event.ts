import { z } from 'zod';

import { stageSchema, unitIdSchema, vocabulary } from '../vocabulary/codes';

/** 满意 / 基本满意 / 不满意 */
export const [RatingScores, ratingScoreSchema] = vocabulary(['satisfied', 'basically-satisfied', 'dissatisfied']);
export type RatingScore = z.infer<typeof ratingScoreSchema>;

/** Who is rated: the stage's handling unit (谁初次办理、谁接受评价) or, where configured, the petition bureau. */
export const [RatingSubjects, ratingSubjectSchema] = vocabulary(['handling-unit', 'bureau']);
export type RatingSubject = z.infer<typeof ratingSubjectSchema>;

/** Entered by the citizen online, or by staff after a callback (回访). */
export const [RatingEntries, ratingEntrySchema] = vocabulary(['citizen', 'staff-callback']);
export type RatingEntry = z.infer<typeof ratingEntrySchema>;

/**
 * `petition.rated` v1 — 满意度评价: the petitioner rated one stage's result, within 30 days of receiving it
 * (《信访工作条例》第21条 网上评价). Each stage's subject is rated once; `unitId` is the rated unit.
 */
export const petitionRatedV1 = z.object({
  stage: stageSchema,
  subject: ratingSubjectSchema,
  unitId: unitIdSchema,
  score: ratingScoreSchema,
  enteredBy: ratingEntrySchema,
});
export type PetitionRated = z.infer<typeof petitionRatedV1>;

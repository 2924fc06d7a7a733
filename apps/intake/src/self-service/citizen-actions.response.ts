import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { Done } from './citizen-actions.service';

/**
 * POST /public/cases/ratings, /public/cases/review-requests, /public/cases/withdrawal (and the staff's callback rating):
 * the case acted on and the event recorded; a rating adds what was recorded (stage, subject, rated unit, score).
 */
export const doneSchema = z.looseObject({
  caseNumber: z.string().describe('信访事项编号 / the case number'),
  eventId: z.string().describe('记录的事件 / the event recorded'),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type DoneDocumented = AssertTrue<ResponseMatches<Done, typeof doneSchema>>;

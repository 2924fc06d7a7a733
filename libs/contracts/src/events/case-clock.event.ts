import { z } from 'zod';

import { isoDateTimeSchema, stageSchema, unitIdSchema, vocabulary } from '../vocabulary/codes';

/**
 * A deadline clock's kind, as the domain's deadline policy names it (data, extensible per jurisdiction), e.g.
 * `acceptance` (Art 23), `handling` (Art 34), `review-request-window` (Art 35), `hotline-handling` (12345 rules).
 */
export const clockKindSchema = z.string().regex(/^[a-z][a-z0-9-]{1,47}$/, 'clock kind: lowercase code');
export type ClockKind = z.infer<typeof clockKindSchema>;

/** The stage a clock or window belongs to, the unit it runs against, and its end. */
const stageDue = { stage: stageSchema, unitId: unitIdSchema, dueAt: isoDateTimeSchema };

const clockFacts = {
  clock: clockKindSchema,
  ...stageDue,
  /** The rule that sets the period, e.g. `《信访工作条例》第34条` or a local rule id. */
  article: z.string().min(1).max(80),
};

/** `case.deadline-warning` v1 — 预警: a clock is close to its end (督查督办, 《信访工作条例》第39、40条). */
export const caseDeadlineWarningV1 = z.object(clockFacts);
export type CaseDeadlineWarning = z.infer<typeof caseDeadlineWarningV1>;

/** `case.overdue` v1 — 超期: a clock passed its end without the fact it waits for (第40条 拖延). */
export const caseOverdueV1 = z.object(clockFacts);
export type CaseOverdue = z.infer<typeof caseOverdueV1>;

/** The citizen's windows: rating (评价), review request (复查申请, 第35条), re-review request (复核申请, 第36条). */
export const [CitizenWindows, citizenWindowSchema] = vocabulary(['rating', 'review', 're-review']);
export type CitizenWindow = z.infer<typeof citizenWindowSchema>;

/**
 * `case.window-expired` v1 — 期满: a citizen's window that runs from the reply being served closed. `stage` is the stage
 * whose reply opened it (the review window follows the original stage, the re-review window the review stage);
 * `unitId` is that stage's replying unit. After a review window routing closes the case (第35条).
 */
export const caseWindowExpiredV1 = z.object({ window: citizenWindowSchema, ...stageDue });
export type CaseWindowExpired = z.infer<typeof caseWindowExpiredV1>;

import { z } from 'zod';
import { isoDateTimeSchema, stageSchema, unitIdSchema } from '../vocabulary/codes';

/**
 * The deadline clocks supervision keeps (EVENTS.md "Clocks"), each tagged with its article: 转送交办 dispatch (22),
 * 受理告知 acceptance (23), 异议 objection (23), 办理 handling (34; 35 review, 36 re-review), 交办反馈 assignment
 * feedback (22), 评价 rating window (21), 复查申请 review window (35), 复核申请 re-review window (36), 督办回复
 * supervision-order answer (40).
 */
export const ClockKinds = [
  'dispatch',
  'acceptance',
  'objection',
  'handling',
  'assignment-feedback',
  'rating-window',
  'review-window',
  're-review-window',
  'supervision-order',
] as const;
export const clockKindSchema = z.enum(ClockKinds);
export type ClockKind = z.infer<typeof clockKindSchema>;

const clockFacts = {
  clock: clockKindSchema,
  stage: stageSchema,
  /** The unit the clock runs against. */
  unitId: unitIdSchema,
  dueAt: isoDateTimeSchema,
  /** The article of 《信访工作条例》 (or the local rule id) that sets the period, e.g. `34`. */
  article: z.string().min(1).max(32),
};

/** `case.deadline-warning` v1 — 预警: a clock is close to its end (督查督办, 《信访工作条例》第39、40条). */
export const caseDeadlineWarningV1 = z.object(clockFacts);
export type CaseDeadlineWarning = z.infer<typeof caseDeadlineWarningV1>;

/** `case.overdue` v1 — 超期: a clock passed its end without the fact it waits for (第40条 拖延). */
export const caseOverdueV1 = z.object(clockFacts);
export type CaseOverdue = z.infer<typeof caseOverdueV1>;

/** The citizen's windows: rating (评价), review request (复查申请, 第35条), re-review request (复核申请, 第36条). */
export const CitizenWindows = ['rating', 'review', 're-review'] as const;
export const citizenWindowSchema = z.enum(CitizenWindows);
export type CitizenWindow = z.infer<typeof citizenWindowSchema>;

/**
 * `case.window-expired` v1 — 期满: a citizen's window that runs from the reply being served closed. `stage` is the stage
 * whose reply opened it (the review window follows the original stage, the re-review window the review stage);
 * `unitId` is that stage's replying unit. After a review window routing closes the case (第35条).
 */
export const caseWindowExpiredV1 = z.object({
  window: citizenWindowSchema,
  stage: stageSchema,
  unitId: unitIdSchema,
  dueAt: isoDateTimeSchema,
});
export type CaseWindowExpired = z.infer<typeof caseWindowExpiredV1>;

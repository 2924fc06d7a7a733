import { petitionTypeSchema, stageSchema } from '@sunshine/contracts';
import { z } from 'zod';

/** The clocks 《信访工作条例》 sets (EVENTS.md, "Clocks"), plus 12345-hotline style ones. */
export const ClockKinds = [
  'dispatch',
  'acceptance',
  'objection',
  'handling',
  'assignment-feedback',
  'rating-window',
  'review-request-window',
  'review-handling',
  're-review-request-window',
  're-review-handling',
  'supervision-order-answer',
  'hotline-handling',
  'hotline-return',
] as const;
export type KnownClockKind = (typeof ClockKinds)[number];

export const ClockUnits = ['calendar-day', 'working-day'] as const;
export type ClockUnit = (typeof ClockUnits)[number];

/**
 * Supervision's own notices, raised FROM the clocks: no clock may start on them (the case's clock log leaves them out,
 * so a clock started by one would exist in the ledger and nowhere else).
 */
export const CLOCK_NOTICE_EVENT_TYPES: readonly string[] = ['case.deadline-warning', 'case.overdue', 'case.window-expired'];

/** Why a clock may stop: hearings (听证, Art 36) by default; jurisdictions may add their own. */
export const pauseKindSchema = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/);

const clockFields = {
  kind: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/),
  /** The rule's source, e.g. 《信访工作条例》第22条. */
  article: z.string().min(1).max(80),
  amount: z.number().int().min(1).max(3650).nullable(),
  unit: z.enum(ClockUnits),
  /** Event type whose instant starts the clock, e.g. `case.dispatched`. */
  startsOn: z
    .string()
    .min(1)
    .max(64)
    .refine((type) => !CLOCK_NOTICE_EVENT_TYPES.includes(type), 'a clock cannot start on a supervision notice'),
  /** Most days an approved extension may add (延期), in the clock's unit; 0 = none. */
  extensionMaxDays: z.number().int().min(0).max(365),
  /** Pauses that stop this clock (their time does not count), e.g. ['hearing'] for re-review handling. */
  pausedBy: z.array(pauseKindSchema),
  /** Only for these petition types (e.g. handling: claims under Art 31 ⑥); absent = all. */
  types: z.array(petitionTypeSchema).optional(),
  /** Only in these stages; absent = all. */
  stages: z.array(stageSchema).optional(),
  label: z.string().max(40).optional(),
};

/**
 * A clock as data: `amount` `unit`s counted from the event `startsOn` (《民法典》201–203 counting).
 * `amount: null` means the issuer sets it per case (交办 feedback, supervision-order answer).
 */
export const clockSpecSchema = z.object({
  ...clockFields,
  extensionMaxDays: clockFields.extensionMaxDays.default(0),
  pausedBy: clockFields.pausedBy.default([]),
});
export type ClockSpec = z.output<typeof clockSpecSchema>;
export type ClockSpecInput = z.input<typeof clockSpecSchema>;

/** A change to one clock in a jurisdiction's policy: only `kind` is required (no defaults, so nothing is reset). */
export const clockOverrideSchema = z.object(clockFields).partial().required({ kind: true });
export type ClockOverride = z.input<typeof clockOverrideSchema>;

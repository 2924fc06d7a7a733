import { z } from 'zod';

import { isoDateTimeSchema, reasonSchema, unitIdSchema, uuidSchema, vocabulary } from '../vocabulary/codes';
import { documentRefSchema } from './shared-refs.event';

/**
 * What triggers a supervision order (《信访工作条例》第40条): breaking acceptance or handling rules, buck-passing (推诿),
 * perfunctory handling (敷衍), delay (拖延), faking (弄虚作假), a missed deadline, or another cause.
 */
export const [SupervisionTriggers, supervisionTriggerSchema] = vocabulary([
  'acceptance-breach',
  'handling-breach',
  'buck-passing',
  'perfunctory',
  'delay',
  'falsification',
  'overdue',
  'other',
]);
export type SupervisionTrigger = z.infer<typeof supervisionTriggerSchema>;

/** The order, the ordered unit (`unitId`) and the bureau that issued it (`byUnitId`). */
const orderParties = { orderId: uuidSchema, unitId: unitIdSchema, byUnitId: unitIdSchema };

/**
 * `case.supervision-order-issued` v1 — 督办单: the bureau (`byUnitId`) ordered the unit (`unitId`) to act and answer in
 * writing by `answerDueAt` (《信访工作条例》第40条).
 */
export const caseSupervisionOrderIssuedV1 = z.object({
  ...orderParties,
  trigger: supervisionTriggerSchema,
  answerDueAt: isoDateTimeSchema.optional(),
  reason: reasonSchema,
});
export type CaseSupervisionOrderIssued = z.infer<typeof caseSupervisionOrderIssuedV1>;

/** `case.supervision-order-answered` v1 — 督办回复: the unit answered the order in writing (第40条). */
export const caseSupervisionOrderAnsweredV1 = z.object({ ...orderParties, answerRef: documentRefSchema });
export type CaseSupervisionOrderAnswered = z.infer<typeof caseSupervisionOrderAnsweredV1>;

/**
 * `case.supervision-order-reminded` v1 — 催办: the bureau that issued the order, or the one it was escalated to
 * (`byUnitId`: the bureau chasing), chased the ordered unit (`unitId`) on the open order; `note`, the staff's words.
 */
export const caseSupervisionOrderRemindedV1 = z.object({
  orderId: uuidSchema,
  unitId: unitIdSchema,
  byUnitId: unitIdSchema,
  reminderId: uuidSchema,
  note: z.string().trim().min(1).max(500).optional(),
});
export type CaseSupervisionOrderReminded = z.infer<typeof caseSupervisionOrderRemindedV1>;

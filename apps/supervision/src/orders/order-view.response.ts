import { reasonSchema, supervisionTriggerSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { OrderView } from './order-row';

/** A supervision order (督办单). `overdue`: open past its answer date. */
export const orderViewSchema = z.object({
  orderId: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  unitId: z.string().describe('被督办单位 / the unit ordered'),
  byUnitId: z.string().describe('发出单位 / the issuing unit'),
  supervisingUnitId: z.string().describe('现督办单位（发出或提级后） / the bureau now following it'),
  trigger: supervisionTriggerSchema,
  reason: reasonSchema,
  issuedAt: z.string(),
  answerDueAt: z.string().describe('书面回复期限 / answer due'),
  answerDueProvisional: z.boolean(),
  status: z.enum(['open', 'answered', 'overdue']),
  answeredAt: z.string().nullable(),
  answerRef: z.string().nullable(),
  answerSummary: z.string().nullable(),
  escalationStep: z.number().int().describe('提级次数 / escalation step'),
  reminders: z.number().int().describe('催办次数 / reminders sent'),
});

/** GET /supervision-orders. */
export const orderListSchema = z.array(orderViewSchema);

/** Compile-time guard: the service's type and the documented schema stay one. */
export type OrderViewDocumented = AssertTrue<ResponseMatches<OrderView, typeof orderViewSchema>>;

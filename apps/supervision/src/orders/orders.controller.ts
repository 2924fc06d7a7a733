import { Param, ParseUUIDPipe } from '@nestjs/common';
import { documentRefSchema, reasonSchema, supervisionTriggerSchema, uuidSchema } from '@sunshine/contracts';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { OrderActionsService } from './order-actions.service';
import type { OrderView } from './order-row';
import { orderListSchema, orderViewSchema } from './order-view.response';
import { SupervisionOrderService } from './supervision-order.service';

const issueSchema = z.object({
  /** The unit ordered to act; the unit holding the case by default. */
  unitId: z.string().min(3).max(96).optional(),
  trigger: supervisionTriggerSchema,
  /** Days to answer in writing (counted like every period: 《民法典》201–203). */
  answerDays: z.number().int().min(1).max(90).default(5),
  reason: reasonSchema,
});
const answerSchema = z.object({ summary: z.string().trim().min(2).max(2000), answerRef: documentRefSchema.optional() });
const remindSchema = z.object({ note: z.string().trim().max(500).optional() });
const listSchema = z.object({
  direction: z.enum(['issued', 'received']).default('received'),
  status: z.enum(['open', 'answered', 'overdue']).optional(),
  caseId: uuidSchema.optional(),
});
type IssueBody = z.infer<typeof issueSchema>;
type AnswerBody = z.infer<typeof answerSchema>;
type RemindBody = z.infer<typeof remindSchema>;
type ListQuery = z.infer<typeof listSchema>;

/** The bureau roles that supervise (督查督办). */
const BUREAU_ROLES = ['supervisor', 'head', 'leader', 'dispatcher'] as const;

@StaffController('', 'supervision orders 督办')
export class OrdersController {
  constructor(
    private readonly actions: OrderActionsService,
    private readonly orders: SupervisionOrderService,
  ) {}

  @StaffRoute('POST', 'cases/:caseId/supervision-orders', {
    roles: BUREAU_ROLES,
    summary: '发出督办单 Issue a supervision order (Art 40; bureaus)',
  })
  @ZodResponse(orderViewSchema, { status: 201 })
  issue(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(issueSchema) body: IssueBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrderView> {
    return this.actions.issueByHand(staff, caseId, body);
  }

  @StaffRoute('GET', 'supervision-orders', { summary: '督办单列表 Orders my unit issued or received (open, answered, overdue)' })
  @ZodResponse(orderListSchema)
  list(@ZodQuery(listSchema) q: ListQuery, @Staff() staff: StaffPrincipal): Promise<OrderView[]> {
    return this.orders.list(staff, q);
  }

  @StaffRoute('POST', 'supervision-orders/:orderId/answer', {
    roles: ['head', 'handler', 'clerk'],
    summary: '书面回复督办单 Answer an order in writing (the ordered unit)',
  })
  @ZodResponse(orderViewSchema, { status: 201 })
  answer(
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @ZodBody(answerSchema) body: AnswerBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrderView> {
    return this.actions.answer(staff, orderId, body);
  }

  @StaffRoute('POST', 'supervision-orders/:orderId/reminders', {
    roles: [...BUREAU_ROLES, 'clerk'],
    summary: '催办 Chase an open order (the issuing or escalated-to bureau)',
  })
  @ZodResponse(orderViewSchema, { status: 201 })
  remind(
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @ZodBody(remindSchema) body: RemindBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrderView> {
    return this.actions.remind(staff, orderId, body.note);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { documentRefSchema, reasonSchema, supervisionTriggerSchema, uuidSchema } from '@sunshine/contracts';
import { ApiErrorResponses, Roles, Staff, ZodBody, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { OrderActionsService } from './order-actions.service';
import type { OrderView } from './order-row';
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

/** The bureau roles that supervise (督查督办). */
const BUREAU_ROLES = ['supervisor', 'head', 'leader', 'dispatcher'] as const;

@ApiTags('supervision orders 督办')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller()
export class OrdersController {
  constructor(
    private readonly actions: OrderActionsService,
    private readonly orders: SupervisionOrderService,
  ) {}

  @Post('cases/:caseId/supervision-orders')
  @Roles(...BUREAU_ROLES)
  @ApiOperation({ summary: '发出督办单 Issue a supervision order (Art 40; bureaus)' })
  issue(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(issueSchema) body: z.infer<typeof issueSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrderView> {
    return this.actions.issueByHand(staff, caseId, body);
  }

  @Get('supervision-orders')
  @ApiOperation({ summary: '督办单列表 Orders my unit issued or received (open, answered, overdue)' })
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>, @Staff() staff: StaffPrincipal): Promise<OrderView[]> {
    return this.orders.list(staff, q);
  }

  @Post('supervision-orders/:orderId/answer')
  @Roles('head', 'handler', 'clerk')
  @ApiOperation({ summary: '书面回复督办单 Answer an order in writing (the ordered unit)' })
  answer(
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @ZodBody(answerSchema) body: z.infer<typeof answerSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrderView> {
    return this.actions.answer(staff, orderId, body);
  }

  @Post('supervision-orders/:orderId/reminders')
  @Roles(...BUREAU_ROLES, 'clerk')
  @ApiOperation({ summary: '催办 Chase an open order (the issuing or escalated-to bureau)' })
  remind(
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @ZodBody(remindSchema) body: z.infer<typeof remindSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<OrderView> {
    return this.actions.remind(staff, orderId, body.note);
  }
}

import { Param, ParseUUIDPipe } from '@nestjs/common';
import {
  CityLevel,
  Roles,
  Staff,
  StaffController,
  type StaffPrincipal,
  StaffRoute,
  ZodBody,
  ZodQuery,
  ZodResponse,
} from '@sunshine/platform';
import { z } from 'zod';

import { deliveryListSchema, deliveryViewSchema, deliveryWithActionsSchema } from './deliveries-ops.response';
import { DeliveriesOpsService, type DeliveryView } from './deliveries-ops.service';
import { DELIVERY_STATUSES } from './delivery-row';

const listSchema = z.object({
  status: z
    .enum(DELIVERY_STATUSES)
    .optional()
    .describe('投递状态 status（sending：存疑发送 in doubt: the provider was called, no outcome recorded）'),
  channel: z.enum(['in-app', 'sms', 'email', 'webhook']).optional(),
  before: z.uuid().optional().describe('翻页：上一页最后一条的 id the last id of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const replaySchema = z.object({ reason: z.string().trim().min(2).max(500).describe('重放理由 why (recorded with who asked)') });

/**
 * Ops: deliveries by status (dead ones to replay, `sending` ones in doubt), one with its history, and the replay. Like
 * the dead-letter endpoints, for role `ops` of a city-level unit (403 OPS_ONLY, 403 CITY_LEVEL_REQUIRED).
 */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@CityLevel({ zh: '通知投递', en: 'notice deliveries' })
@StaffController('ops/deliveries', 'ops')
export class DeliveriesOpsController {
  constructor(private readonly ops: DeliveriesOpsService) {}

  @StaffRoute('GET', '', { summary: '投递记录（仅掩码地址） Deliveries by status and channel (masked addresses only)' })
  @ZodResponse(deliveryListSchema)
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>, @Staff() staff: StaffPrincipal): Promise<DeliveryView[]> {
    return this.ops.list(staff, q);
  }

  @StaffRoute('GET', ':id', { summary: '一条投递及其处理记录 One delivery and the actions taken on it' })
  @ZodResponse(deliveryWithActionsSchema)
  show(@Param('id', ParseUUIDPipe) id: string, @Staff() staff: StaffPrincipal) {
    return this.ops.show(staff, id);
  }

  @StaffRoute('POST', ':id/replay', {
    status: 200,
    summary: '重放失败的投递（须说明理由，记录操作人） Replay a dead delivery, with a reason',
  })
  @ZodResponse(deliveryViewSchema)
  replay(
    @Param('id', ParseUUIDPipe) id: string,
    @ZodBody(replaySchema) body: z.infer<typeof replaySchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<DeliveryView> {
    return this.ops.replay(staff, id, body.reason);
  }
}

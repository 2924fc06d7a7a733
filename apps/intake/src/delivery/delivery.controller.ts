import { Param, ParseUUIDPipe } from '@nestjs/common';
import {
  AllowServiceTokens,
  AuditTrail,
  Clock,
  Roles,
  Staff,
  StaffController,
  type StaffPrincipal,
  StaffRoute,
  ZodBody,
} from '@sunshine/platform';
import { z } from 'zod';

import { type DeliveryAddress, DeliveryService, type PendingMessage } from './delivery.service';

const claimSchema = z.object({ deliveryId: z.uuid().describe('通知服务的投递编号 the notification service’s delivery id') });

/**
 * For the notification service only (its service token): a petitioner's delivery address just in time, and the one-time
 * codes waiting for a gateway. Staff tokens are refused (403 SERVICE_ONLY), other services' (403 SERVICE_NOT_ALLOWED).
 */
@AllowServiceTokens('notification')
@Roles({ code: 'SERVICE_ONLY' }, 'service')
@StaffController('delivery', 'delivery 送达（服务间）')
export class DeliveryController {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  @StaffRoute('GET', 'cases/:caseId/address', {
    summary: '信访人送达地址（仅限通知服务） The petitioner’s delivery address (notification only)',
  })
  async address(@Param('caseId', ParseUUIDPipe) caseId: string, @Staff() caller: StaffPrincipal): Promise<DeliveryAddress> {
    const address = await this.delivery.address(caseId);
    await this.audit.personalDataRead(caller, caseId, 'petitioner-address');
    return address;
  }

  @StaffRoute('GET', 'messages', { summary: '待发送的验证码短信（不含内容） Messages waiting for a gateway, without content' })
  pending(): Promise<PendingMessage[]> {
    return this.delivery.pending();
  }

  @StaffRoute('POST', 'messages/:id/claim', { status: 200, summary: '领取待发消息（标记已移交） Claim a waiting message (handed over)' })
  claim(@Param('id', ParseUUIDPipe) id: string, @ZodBody(claimSchema) _body: z.infer<typeof claimSchema>) {
    return this.delivery.claim(id);
  }

  @StaffRoute('GET', 'messages/:id', {
    summary: '已移交消息的号码与内容（发送时读取） A handed-over message’s number and text, read when sent',
  })
  async content(@Param('id', ParseUUIDPipe) id: string, @Staff() caller: StaffPrincipal) {
    const content = await this.delivery.content(id, this.clock.now());
    await this.audit.personalDataRead(caller, null, 'petitioner-phone', { messageId: id });
    return content;
  }
}

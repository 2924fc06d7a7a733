import { Param } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';

import { type PutUnitWebhookDto, putUnitWebhookSchema, type UnitWebhookSaved, type UnitWebhookView } from './unit-webhook.dto';
import { UnitWebhooksService } from './unit-webhooks.service';

/** A unit's webhook (推送地址): only an admin of that unit sets, reads (secret masked) or deletes it. */
@StaffController('units/:unitId/webhook', 'webhooks 推送地址')
export class UnitWebhooksController {
  constructor(private readonly webhooks: UnitWebhooksService) {}

  @StaffRoute('GET', '', {
    roles: ['admin'],
    summary: '本单位推送地址（密钥脱敏） The unit’s webhook, secret masked (the unit’s own admin)',
  })
  get(@Param('unitId') unitId: string, @Staff() staff: StaffPrincipal): Promise<UnitWebhookView> {
    return this.webhooks.get(unitId, staff);
  }

  @StaffRoute('PUT', '', {
    roles: ['admin'],
    summary:
      '设置本单位推送地址与签名密钥（未给密钥则生成并仅返回一次） Set the unit’s webhook URL and secret (a generated secret is shown once)',
  })
  put(
    @Param('unitId') unitId: string,
    @ZodBody(putUnitWebhookSchema) dto: PutUnitWebhookDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<UnitWebhookSaved> {
    return this.webhooks.put(unitId, dto, staff);
  }

  @StaffRoute('DELETE', '', {
    roles: ['admin'],
    status: 204,
    summary: '删除本单位推送地址 Remove the unit’s webhook (the unit’s own admin)',
  })
  delete(@Param('unitId') unitId: string, @Staff() staff: StaffPrincipal): Promise<void> {
    return this.webhooks.delete(unitId, staff);
  }
}

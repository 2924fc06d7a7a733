import { Param } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';

import { type PutUnitMailboxDto, putUnitMailboxSchema, type UnitMailboxView } from './unit-mailbox.dto';
import { UnitMailboxesService } from './unit-mailboxes.service';

/** A unit's official mailbox (单位政务邮箱): only an admin of that unit sets, reads (masked) or deletes it. */
@StaffController('units/:unitId/mailbox', 'mailboxes 政务邮箱')
export class UnitMailboxesController {
  constructor(private readonly mailboxes: UnitMailboxesService) {}

  @StaffRoute('GET', '', {
    roles: ['admin'],
    summary: '本单位政务邮箱（脱敏） The unit’s mailbox, masked (the unit’s own admin)',
  })
  get(@Param('unitId') unitId: string, @Staff() staff: StaffPrincipal): Promise<UnitMailboxView> {
    return this.mailboxes.get(unitId, staff);
  }

  @StaffRoute('PUT', '', {
    roles: ['admin'],
    summary: '设置本单位政务邮箱（接收邮件通知） Set the unit’s mailbox its e-mail notices go to (the unit’s own admin)',
  })
  put(
    @Param('unitId') unitId: string,
    @ZodBody(putUnitMailboxSchema) dto: PutUnitMailboxDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<UnitMailboxView> {
    return this.mailboxes.put(unitId, dto, staff);
  }

  @StaffRoute('DELETE', '', {
    roles: ['admin'],
    status: 204,
    summary: '删除本单位政务邮箱（此后不再发邮件） Remove the unit’s mailbox: no e-mail notices any more (the unit’s own admin)',
  })
  delete(@Param('unitId') unitId: string, @Staff() staff: StaffPrincipal): Promise<void> {
    return this.mailboxes.delete(unitId, staff);
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, DomainException, type StaffPrincipal } from '@sunshine/platform';

import { requireOwnUnit } from '../unit-settings/unit-settings';
import type { PutUnitMailboxDto, UnitMailboxView } from './unit-mailbox.dto';
import { type UnitMailboxRecord, UnitMailboxStore } from './unit-mailbox.store';

const MAILBOX = { zh: '政务邮箱', en: 'mailbox' } as const;

const MAILBOX_NOT_SET = new DomainException('MAILBOX_NOT_SET', 'not-found', {
  zh: '本单位尚未设置政务邮箱',
  en: 'the unit has no mailbox',
});

/** A unit's mailbox, managed by the unit's own admin (the route checks the role; this checks the unit). */
@Injectable()
export class UnitMailboxesService {
  constructor(
    private readonly store: UnitMailboxStore,
    private readonly clock: Clock,
  ) {}

  async get(unitId: string, staff: StaffPrincipal): Promise<UnitMailboxView> {
    requireOwnUnit(unitId, staff, MAILBOX);
    const record = await this.store.find(unitId);
    if (!record) throw MAILBOX_NOT_SET;
    return view(record);
  }

  async put(unitId: string, dto: PutUnitMailboxDto, staff: StaffPrincipal): Promise<UnitMailboxView> {
    requireOwnUnit(unitId, staff, MAILBOX);
    return view(await this.store.save(unitId, dto.address, staff.subject, this.clock.now()));
  }

  async delete(unitId: string, staff: StaffPrincipal): Promise<void> {
    requireOwnUnit(unitId, staff, MAILBOX);
    if (!(await this.store.delete(unitId))) throw MAILBOX_NOT_SET;
  }
}

function view(record: UnitMailboxRecord): UnitMailboxView {
  return { unitId: record.unitId, address: record.addressShown, updatedBy: record.updatedBy, updatedAt: record.updatedAt.toISOString() };
}

import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { Clock, DomainException, type StaffPrincipal } from '@sunshine/platform';

import { requireOwnUnit } from '../unit-settings/unit-settings';
import type { PutUnitWebhookDto, UnitWebhookSaved, UnitWebhookView } from './unit-webhook.dto';
import { type UnitWebhookRecord, UnitWebhookStore } from './unit-webhook.store';

const WEBHOOK = { zh: '推送地址', en: 'webhook' } as const;

const WEBHOOK_NOT_SET = new DomainException('WEBHOOK_NOT_SET', 'not-found', {
  zh: '本单位尚未设置推送地址',
  en: 'the unit has no webhook',
});

/** A unit's webhook, managed by the unit's own admin (the route checks the role; this checks the unit). */
@Injectable()
export class UnitWebhooksService {
  constructor(
    private readonly store: UnitWebhookStore,
    private readonly clock: Clock,
  ) {}

  async get(unitId: string, staff: StaffPrincipal): Promise<UnitWebhookView> {
    ownUnit(unitId, staff);
    const record = await this.store.find(unitId);
    if (!record) throw WEBHOOK_NOT_SET;
    return view(record);
  }

  async put(unitId: string, dto: PutUnitWebhookDto, staff: StaffPrincipal): Promise<UnitWebhookSaved> {
    ownUnit(unitId, staff);
    const secret = dto.secret ?? randomBytes(32).toString('base64url');
    const record = await this.store.save(unitId, { url: dto.url, secret }, staff.subject, this.clock.now());
    return dto.secret === undefined ? { ...view(record), generatedSecret: secret } : view(record);
  }

  async delete(unitId: string, staff: StaffPrincipal): Promise<void> {
    ownUnit(unitId, staff);
    if (!(await this.store.delete(unitId))) throw WEBHOOK_NOT_SET;
  }
}

function ownUnit(unitId: string, staff: StaffPrincipal): void {
  requireOwnUnit(unitId, staff, WEBHOOK);
}

function view(record: UnitWebhookRecord): UnitWebhookView {
  return {
    unitId: record.unitId,
    url: record.urlShown,
    secret: `••••${record.secretLast4}`,
    updatedBy: record.updatedBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

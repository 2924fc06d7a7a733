import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainException, type FieldCipher, maskIdentifier } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { PetitionRepository } from '../core/petition.repository';
import { PetitionerRepository } from '../core/petitioner.repository';
import { FIELD_CIPHER } from '../crypto/crypto.module';

/** A petitioner's delivery address, answered just in time to the notification service. */
export interface DeliveryAddress {
  readonly phone: string | null;
  readonly email: string | null;
  /** The channels the petitioner is reached on, in the order of preference. */
  readonly channels: Array<'sms' | 'email'>;
}

export interface PendingMessage {
  readonly id: string;
  readonly caseId: string;
  readonly channel: string;
  readonly template: string;
  readonly recipientMasked: string;
  readonly createdAt: string;
}

/** A message's content is handed out for this long after it was recorded (a one-time code lives 10 minutes). */
const CONTENT_TTL_MS = 15 * 60_000;

const CASE_NOT_FOUND = new DomainException('CASE_NOT_FOUND', 'not-found', { zh: '信访事项不存在', en: 'no such case' });
const MESSAGE_NOT_FOUND = new DomainException('MESSAGE_NOT_FOUND', 'not-found', {
  zh: '消息不存在或已过期',
  en: 'no such message, or it expired',
});

/**
 * What the notification service needs of the petitioner, and nothing more (issue 13): the address of a case's
 * petitioner (the phone registered with the case, else the one on file), and the messages intake recorded for a
 * gateway (one-time codes): listed without content, claimed (handed over), and read only when sent.
 */
@Injectable()
export class DeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly petitions: PetitionRepository,
    private readonly petitioners: PetitionerRepository,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async address(caseId: string): Promise<DeliveryAddress> {
    const m = this.dataSource.manager;
    const petition = await this.petitions.find(m, caseId);
    if (!petition) throw CASE_NOT_FOUND;
    const phone = (await this.petitions.contactPhone(m, caseId)) ?? (await this.petitioners.phoneOnFile(m, petition.petitionerId));
    return { phone, email: null, channels: phone ? ['sms'] : [] };
  }

  async pending(): Promise<PendingMessage[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT id, case_id, channel, template, recipient_masked, created_at FROM citizen_messages WHERE status = 'awaiting-gateway'
        ORDER BY created_at LIMIT 100`,
    );
    return rows.map((r) => ({
      id: String(r['id']),
      caseId: String(r['case_id']),
      channel: String(r['channel']),
      template: String(r['template']),
      recipientMasked: String(r['recipient_masked']),
      createdAt: new Date(r['created_at'] as string).toISOString(),
    }));
  }

  /** Marks a message handed over to the gateway (idempotent). */
  async claim(id: string): Promise<{ id: string; status: 'handed-over' }> {
    const rows = await this.dataSource.query<unknown[]>(
      `UPDATE citizen_messages SET status = 'handed-over' WHERE id = $1 AND status IN ('awaiting-gateway', 'handed-over') RETURNING id`,
      [id],
    );
    if (rows.length === 0) throw MESSAGE_NOT_FOUND;
    return { id, status: 'handed-over' };
  }

  /** A handed-over message's number and text, while it is fresh. */
  async content(id: string, now: Date): Promise<{ to: string; text: string; recipientMasked: string }> {
    const [row] = await this.dataSource.query<Array<{ recipient_enc: string; body_enc: string; created_at: Date }>>(
      `SELECT recipient_enc, body_enc, created_at FROM citizen_messages WHERE id = $1 AND status = 'handed-over'`,
      [id],
    );
    if (!row || now.getTime() - new Date(row.created_at).getTime() > CONTENT_TTL_MS) throw MESSAGE_NOT_FOUND;
    const to = this.cipher.decrypt(row.recipient_enc);
    return { to, text: this.cipher.decrypt(row.body_enc), recipientMasked: maskIdentifier(to.replace(/\D/g, '')) };
  }
}

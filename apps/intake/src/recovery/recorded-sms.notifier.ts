import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, type FieldCipher, maskIdentifier } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { FIELD_CIPHER } from '../crypto/crypto.module';
import type { CitizenMessage, CitizenNotifier } from './citizen-notifier';

/**
 * There is no SMS gateway yet: messages are recorded, sealed, in `citizen_messages` with status `awaiting-gateway`
 * (an outbox a gateway adapter will drain), and logged with the number masked. Nothing is actually sent.
 */
@Injectable()
export class RecordedSmsNotifier implements CitizenNotifier {
  private readonly logger = new Logger(RecordedSmsNotifier.name);

  constructor(
    private readonly clock: Clock,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async send(m: EntityManager, message: CitizenMessage): Promise<void> {
    const masked = maskIdentifier(message.to.replace(/\D/g, ''));
    await m.query(
      `INSERT INTO citizen_messages (id, case_id, channel, recipient_enc, recipient_masked, template, body_enc, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'awaiting-gateway', $8)`,
      [
        uuidv7(),
        message.caseId,
        message.channel,
        this.cipher.encrypt(message.to),
        masked,
        message.template,
        this.cipher.encrypt(message.text),
        this.clock.now(),
      ],
    );
    this.logger.log(`${message.template} for case ${message.caseId} to ${masked} recorded (no SMS gateway configured: not sent)`);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { DeliveryRepository } from '../deliveries/delivery.repository';
import { IntakeDeliveryClient } from '../petitioners/intake-delivery.client';

/**
 * Drains intake's one-time codes waiting for a gateway (query-code recovery, identity checks) over HTTP: each becomes one
 * urgent SMS delivery keyed by the message id, then intake marks it handed over. The code itself is read from intake
 * only when sent: it never travels on Kafka and never rests in notification's tables.
 */
@Injectable()
export class IntakeMessagesDrain {
  private readonly logger = new Logger(IntakeMessagesDrain.name);
  private quietUntil = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeDeliveryClient,
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async drain(): Promise<number> {
    if (Date.now() < this.quietUntil) return 0;
    let drained = 0;
    try {
      for (const message of await this.intake.pendingMessages()) {
        if (message.channel !== 'sms') continue;
        const now = this.clock.now();
        await this.dataSource.transaction((m) =>
          this.deliveries.plan(
            m,
            [
              {
                eventId: message.id,
                eventType: `intake.${message.template}`,
                recipient: `petitioner:${message.caseId}`,
                channel: 'sms',
                kind: 'petitioner.one-time-code',
                caseId: message.caseId,
                unitId: null,
                roles: [],
                legalKind: null,
                urgent: true,
                ruleVersion: 0,
                params: {},
                notBefore: now,
              },
            ],
            now,
          ),
        );
        const [row] = await this.dataSource.query<Array<{ id: string }>>(
          `SELECT id FROM deliveries WHERE event_id = $1 AND kind = 'petitioner.one-time-code'`,
          [message.id],
        );
        if (row) await this.intake.claim(message.id, row.id);
        drained++;
      }
    } catch (error) {
      // intake down or not yet deployed with its delivery endpoints: try again a little later.
      this.quietUntil = Date.now() + 10_000;
      this.logger.debug(`intake's pending messages not drained: ${error instanceof Error ? error.message : String(error)}`);
    }
    return drained;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AnyEvent } from '@sunshine/contracts';
import { PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import type { Projected } from '../city-view/case-projection.service';
import { feedChannel, type FeedNotice } from './feed-item';

/**
 * Announces a case's status change to every instance's live feed with pg_notify in the consumer's transaction:
 * PostgreSQL delivers notifications at commit, in commit order, so the feed of a case is in the case's order and
 * carries nothing that did not commit.
 */
@Injectable()
export class FeedPublisher {
  private readonly channel: string;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.channel = feedChannel(config.database.schema);
  }

  async publish(m: EntityManager, event: AnyEvent, projected: Projected): Promise<void> {
    const { before, after } = projected;
    const changed = before.status !== after.status || before.stage !== after.stage || before.holdingUnitId !== after.holdingUnitId;
    if (!changed || !event.caseId) return;
    const notice: FeedNotice = {
      change: {
        eventId: event.id,
        caseId: event.caseId,
        caseNumber: after.caseNumber,
        type: event.type,
        fromStatus: before.status,
        status: after.status,
        stage: after.stage,
        holdingUnitId: after.holdingUnitId,
        occurredAt: event.occurredAt,
      },
      facts: {
        type: after.type,
        heldBy: [...after.heldBy],
        territoryCodes: [...projected.territory],
        accusedUnitId: after.accusedUnitId,
      },
    };
    await m.query(`SELECT pg_notify($1, $2)`, [this.channel, JSON.stringify(notice)]);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AnyCaseEvent } from '@sunshine/contracts';
import { type CaseChange, CaseReplicaStore, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { feedChannel, type FeedNotice } from './feed-item';

/**
 * Announces a case's status change to every instance's live feed with pg_notify in the transaction that folded it:
 * PostgreSQL delivers notifications at commit, in commit order, so the feed of a case is in the case's order and
 * carries nothing that did not commit. The notice carries the visibility facts the replica stored for the case, so
 * each subscriber is filtered by the one rule.
 */
@Injectable()
export class FeedPublisher {
  private readonly channel: string;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    private readonly store: CaseReplicaStore,
  ) {
    this.channel = feedChannel(config.database.schema);
  }

  async publish(m: EntityManager, { event, before, after }: CaseChange<AnyCaseEvent>): Promise<void> {
    const changed = before.status !== after.status || before.stage !== after.stage || before.holdingUnitId !== after.holdingUnitId;
    if (!changed || !event.caseId) return;
    const stored = await this.store.read(m, event.caseId);
    if (!stored) return;
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
      facts: stored.facts,
    };
    await m.query(`SELECT pg_notify($1, $2)`, [this.channel, JSON.stringify(notice)]);
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AnyCaseEvent } from '@sunshine/contracts';
import { type CaseChange, CaseReactions, Clock } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { UPSTREAM_CONFIG, type UpstreamConfig } from './upstream.config';
import { upstreamKind, upstreamLane, upstreamMessage } from './upstream-message';

/**
 * Plans the change stream (issue 21, Art 21): for each case event intake folds into its replica that the upstream is
 * told of (upstreamKind: the registration, each change of status, a report up), one delivery row in the same
 * transaction as the fold, keyed by the event id (a redelivered event plans nothing twice), numbered within its case.
 * A case reported up (Art 25) moves to the urgent lane with everything of it still unsent (order kept). A case that
 * turns confidential (an accusation) has its unsent messages withdrawn and no more planned. Nothing is planned while
 * no upstream is configured. UpstreamSender sends them.
 */
@Injectable()
export class UpstreamDeliveryPlanner implements OnModuleInit {
  constructor(
    private readonly reactions: CaseReactions,
    private readonly clock: Clock,
    @Inject(UPSTREAM_CONFIG) private readonly config: UpstreamConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.target) return;
    this.reactions.on('*', (m, change) => this.plan(m, change));
  }

  private async plan(m: EntityManager, change: CaseChange<AnyCaseEvent>): Promise<void> {
    const { event, before, after } = change;
    const caseId = after.caseId ?? event.caseId;
    if (!caseId) return;
    if (after.flags.confidential && !before.flags.confidential) {
      await m.query(`DELETE FROM upstream_deliveries WHERE case_id = $1 AND delivered_at IS NULL`, [caseId]);
      return;
    }
    const kind = upstreamKind(change);
    if (!kind) return;
    const lane = upstreamLane(after);
    const [next] = await m.query<Array<{ n: number }>>(
      `SELECT coalesce(max(sequence), 0) + 1 AS n FROM upstream_deliveries WHERE case_id = $1`,
      [caseId],
    );
    const sequence = Number(next?.n ?? 1);
    const now = this.clock.now();
    await m.query(
      `INSERT INTO upstream_deliveries (event_id, case_id, sequence, lane, event_type, body, created_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (event_id) DO NOTHING`,
      [event.id, caseId, sequence, lane, event.type, JSON.stringify(upstreamMessage(change, kind, sequence)), now],
    );
    if (lane === 'urgent') {
      await m.query(`UPDATE upstream_deliveries SET lane = 'urgent' WHERE case_id = $1 AND delivered_at IS NULL AND lane <> 'urgent'`, [
        caseId,
      ]);
    }
  }
}

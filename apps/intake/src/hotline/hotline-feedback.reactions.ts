import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CaseChange, CaseReactions, Clock, OrgDirectorySource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { hotlineFeedback, type HotlineFeedbackEvent } from './hotline-feedback';

/**
 * When a case that came from a 12345 order is signed for, not accepted, replied, closed or finalized, the feedback the hotline expects is queued
 * in the same transaction as the replica's fold (one row per event id: a redelivered event queues nothing twice);
 * HotlineFeedbackSender posts it.
 */
@Injectable()
export class HotlineFeedbackReactions implements OnModuleInit {
  constructor(
    private readonly reactions: CaseReactions,
    private readonly directory: OrgDirectorySource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.reactions.on('case.signed', (m, change) => this.queue(m, change));
    this.reactions.on('case.not-accepted', (m, change) => this.queue(m, change));
    this.reactions.on('case.replied', (m, change) => this.queue(m, change));
    this.reactions.on('case.closed', (m, change) => this.queue(m, change));
    this.reactions.on('case.finalized', (m, change) => this.queue(m, change));
  }

  private async queue(m: EntityManager, { event, after }: CaseChange<HotlineFeedbackEvent>): Promise<void> {
    const [order] = await m.query<Array<{ order_no: string }>>(`SELECT order_no FROM hotline_orders WHERE case_id = $1`, [event.caseId]);
    if (!order) return;
    const unitName = (await this.directory.current(m)).get(event.payload.unitId)?.name ?? event.payload.unitId;
    const now = this.clock.now();
    await m.query(
      `INSERT INTO hotline_feedback (event_id, case_id, body, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (event_id) DO NOTHING`,
      [event.id, event.caseId, JSON.stringify(hotlineFeedback(event, after, order.order_no, unitName)), now],
    );
  }
}

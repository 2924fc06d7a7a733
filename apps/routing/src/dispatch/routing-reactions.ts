import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AnyCaseEvent } from '@sunshine/contracts';
import type { CaseState } from '@sunshine/domain';
import { CaseReactions, CaseReplicaStore } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { DispatchLog } from '../cases/dispatch-log';
import { DeskBoard } from '../desk/desk-board';
import { DocumentIssuer } from '../documents/document.issuer';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { DispatchService } from './dispatch.service';

/**
 * What routing does with each event its case replica folds: routing's own events when it emits them (in the
 * emitting transaction), every other service's as it consumes them. First what the event leaves in routing's tables
 * (the dispatch record, the numbered document, the desk), then what it sets in motion (the next hop, the next stage,
 * closing, serving). A hop to a bureau is dispatched on in the same transaction, so a chain of hops ends within it
 * (DispatchService: a unit that is not a bureau, a desk, or the hop limit).
 */
@Injectable()
export class RoutingReactions implements OnModuleInit {
  constructor(
    private readonly reactions: CaseReactions,
    private readonly store: CaseReplicaStore,
    private readonly dispatchLog: DispatchLog,
    private readonly documents: DocumentIssuer,
    private readonly desk: DeskBoard,
    private readonly dispatch: DispatchService,
    private readonly lifecycle: LifecycleService,
  ) {}

  onModuleInit(): void {
    // Both on '*', in this order (a type's own reactions would run before those for every type).
    this.reactions.on('*', (m, { event, after }) => this.record(m, event, after));
    this.reactions.on('*', (m, { event }) => this.setInMotion(m, event));
  }

  private async record(m: EntityManager, event: AnyCaseEvent, after: CaseState): Promise<void> {
    if (!event.caseId) return;
    if (await this.live(m, event)) {
      if (event.type === 'case.dispatched') await this.dispatchLog.record(m, event);
      await this.documents.onEvents(m, after, [event]);
    }
    // The desk follows the case as it is now (a later event of the same batch may have moved it on).
    const current = await this.store.read(m, event.caseId);
    if (current) await this.desk.sync(m, event.caseId, current.state);
  }

  private async setInMotion(m: EntityManager, event: AnyCaseEvent): Promise<void> {
    const motion = this.motionOf(event);
    if (motion && (await this.live(m, event))) await motion(m);
  }

  private motionOf(event: AnyCaseEvent): ((m: EntityManager) => Promise<void>) | null {
    switch (event.type) {
      case 'petition.registered':
        return (m) => this.dispatch.onRegistered(m, event);
      case 'case.dispatched':
        return (m) => this.dispatch.onDispatched(m, event);
      case 'petition.review-requested':
        return (m) => this.lifecycle.onReviewRequested(m, event);
      case 'petition.merged':
        return (m) => this.lifecycle.onMerged(m, event);
      case 'case.window-expired':
        return (m) => this.lifecycle.onWindowExpired(m, event);
      case 'case.notice-delivered':
        return (m) => this.lifecycle.onNoticeDelivered(m, event);
      default:
        return null;
    }
  }

  /**
   * Whether routing acts on the event now rather than replaying it into a rebuilt replica: its own event only in the
   * transaction that emits it (its outbox row not yet published); another service's only while the replica has
   * applied everything routing emitted for the case (a replay has not yet reached what routing did next).
   */
  private async live(m: EntityManager, event: AnyCaseEvent): Promise<boolean> {
    if (event.producer === 'routing') {
      const emitting = await m.query<unknown[]>(`SELECT 1 FROM outbox WHERE event_id = $1 AND published_at IS NULL`, [event.id]);
      return emitting.length > 0;
    }
    const ahead = await m.query<unknown[]>(
      `SELECT 1 FROM outbox o WHERE o.message_key = $1
         AND NOT EXISTS (SELECT 1 FROM case_replica_events e WHERE e.event_id = o.event_id) LIMIT 1`,
      [event.caseId],
    );
    return ahead.length === 0;
  }
}

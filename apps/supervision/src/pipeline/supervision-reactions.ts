import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseReactions } from '@sunshine/platform';

import { EarlyWarningService } from '../alerts/early-warning.service';
import { BacklogService } from '../backlog/backlog.service';
import { FeedPublisher } from '../feed/feed-publisher.service';
import { ClockLedgerService } from '../ledger/clock-ledger.service';
import { SupervisionPolicyService } from '../orders/supervision-policy.service';

/**
 * What supervision does with each event the case replica folds (consumed from the case log, or emitted here: then in
 * the emitting transaction), in this order: move the case's clocks, apply the escalation policy, keep the backlog
 * register, raise early warnings on a registration, and announce a status change to the live feed (at commit).
 */
@Injectable()
export class SupervisionReactions implements OnModuleInit {
  constructor(
    private readonly reactions: CaseReactions,
    private readonly ledger: ClockLedgerService,
    private readonly policy: SupervisionPolicyService,
    private readonly backlog: BacklogService,
    private readonly warnings: EarlyWarningService,
    private readonly feed: FeedPublisher,
  ) {}

  onModuleInit(): void {
    // Every reaction on '*' so the order above holds (a type's own reactions would run before those for every type).
    this.reactions.on('*', (m, { event, after }) => this.ledger.onEvent(m, event, after));
    this.reactions.on('*', (m, { event, before, after }) => this.policy.onEvent(m, event, before, after));
    this.reactions.on('*', (m, { event, after }) => this.backlog.onEvent(m, event, after));
    this.reactions.on('*', async (m, { event }) => {
      if (event.type === 'petition.registered') await this.warnings.onRegistered(m, event);
    });
    this.reactions.on('*', (m, change) => this.feed.publish(m, change));
  }
}

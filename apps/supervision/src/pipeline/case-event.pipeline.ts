import { Injectable } from '@nestjs/common';
import type { AnyEvent } from '@sunshine/contracts';
import type { EntityManager } from 'typeorm';
import { EarlyWarningService } from '../alerts/early-warning.service';
import { BacklogService } from '../backlog/backlog.service';
import { CaseProjectionService } from '../city-view/case-projection.service';
import { FeedPublisher } from '../feed/feed-publisher.service';
import { ClockLedgerService } from '../ledger/clock-ledger.service';
import { SupervisionPolicyService } from '../orders/supervision-policy.service';

/**
 * What supervision does with each case-log event, in one transaction with the inbox row (exactly-once effect): fold it
 * into the city view, move the case's clocks, apply the escalation policy, keep the backlog register, raise early
 * warnings, and announce a status change to the live feed (delivered at commit).
 */
@Injectable()
export class CaseEventPipeline {
  constructor(
    private readonly projection: CaseProjectionService,
    private readonly ledger: ClockLedgerService,
    private readonly policy: SupervisionPolicyService,
    private readonly backlog: BacklogService,
    private readonly warnings: EarlyWarningService,
    private readonly feed: FeedPublisher,
  ) {}

  async apply(m: EntityManager, event: AnyEvent): Promise<void> {
    const projected = await this.projection.apply(m, event);
    if (!projected) return;
    await this.ledger.onEvent(m, event, projected.after);
    await this.policy.onEvent(m, event, projected.before, projected.after);
    await this.backlog.onEvent(m, event, projected.after);
    if (event.type === 'petition.registered') await this.warnings.onRegistered(m, event, projected.after);
    await this.feed.publish(m, event, projected);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AnyEvent, EventOf } from '@sunshine/contracts';
import { ANY_EVENT, type EventContext } from '@sunshine/platform';
import { CaseStore } from '../cases/case.store';
import { DispatchService } from './dispatch.service';

/** Routing's case-log consumer: dispatches new petitions and forwarded cases; folds other services' events. */
@Controller()
export class DispatchConsumer {
  constructor(
    private readonly dispatch: DispatchService,
    private readonly cases: CaseStore,
  ) {}

  @EventPattern('petition.registered')
  onRegistered(@Payload() event: EventOf<'petition.registered'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.dispatch.onRegistered(ctx.manager, event);
  }

  @EventPattern('case.dispatched')
  onDispatched(@Payload() event: EventOf<'case.dispatched'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.dispatch.onDispatched(ctx.manager, event);
  }

  /** Events of other services change the lifecycle too (rated, review requested, window expired …). */
  @EventPattern(ANY_EVENT)
  async onOther(@Payload() event: AnyEvent, @Ctx() ctx: EventContext): Promise<void> {
    // Routing's own events were applied when they were decided, in the same transaction.
    if (event.producer === 'routing' || !event.caseId) return;
    if (!(await this.cases.load(ctx.manager, event.caseId))) return;
    await this.cases.apply(ctx.manager, event.caseId, [event]);
  }
}

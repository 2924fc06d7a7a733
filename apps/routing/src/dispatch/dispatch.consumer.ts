import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { isCaseLogEventType, type AnyCaseEvent, type AnyEvent, type EventOf } from '@sunshine/contracts';
import { ANY_EVENT, type EventContext } from '@sunshine/platform';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { DispatchService } from './dispatch.service';

/** Routing's case-log consumer: dispatches new petitions and forwarded cases; folds other services' events. */
@Controller()
export class DispatchConsumer {
  constructor(
    private readonly dispatch: DispatchService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @EventPattern('petition.registered')
  onRegistered(@Payload() event: EventOf<'petition.registered'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.dispatch.onRegistered(ctx.manager, event);
  }

  @EventPattern('case.dispatched')
  onDispatched(@Payload() event: EventOf<'case.dispatched'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.dispatch.onDispatched(ctx.manager, event);
  }

  /** Events of other services change the case too (rated, withdrawn, corrected, supervision's flags …). */
  @EventPattern(ANY_EVENT)
  async onOther(@Payload() event: AnyEvent, @Ctx() ctx: EventContext): Promise<void> {
    // Routing's own events were applied when they were decided, in the same transaction.
    if (event.producer === 'routing' || !event.caseId || !isCaseLogEventType(event.type)) return;
    await this.lifecycle.onOther(ctx.manager, event as AnyCaseEvent);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AnyEvent } from '@sunshine/contracts';
import { ANY_EVENT, type EventContext } from '@sunshine/platform';
import { CaseProjectionStore } from '../core/case-projection.store';

/**
 * Keeps intake's citizen-facing projection from the case log with the shared evolve. Intake's own events were applied
 * when they were decided (same transaction); a case intake never registered is not projected.
 */
@Controller()
export class CaseProjectionConsumer {
  constructor(private readonly projections: CaseProjectionStore) {}

  @EventPattern(ANY_EVENT)
  async onCaseEvent(@Payload() event: AnyEvent, @Ctx() ctx: EventContext): Promise<void> {
    if (event.producer === 'intake' || !event.caseId) return;
    const state = await this.projections.load(ctx.manager, event.caseId, true);
    if (!state) return;
    await this.projections.apply(ctx.manager, event.caseId, [event], state);
  }
}

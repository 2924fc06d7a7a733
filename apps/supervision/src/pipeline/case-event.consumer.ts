import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AnyEvent } from '@sunshine/contracts';
import { ANY_EVENT, type EventContext } from '@sunshine/platform';
import { CaseEventPipeline } from './case-event.pipeline';

/** Every case-log event, whatever its type, goes through supervision's pipeline. */
@Controller()
export class CaseEventConsumer {
  constructor(private readonly pipeline: CaseEventPipeline) {}

  @EventPattern(ANY_EVENT)
  async onEvent(@Payload() event: AnyEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.pipeline.apply(ctx.manager, event);
  }
}

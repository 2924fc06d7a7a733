import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AnyEvent } from '@sunshine/contracts';
import { ANY_EVENT, type EventContext } from '@sunshine/platform';
import { CaseProjectionService } from './case-projection.service';

/** Every case-log event, whatever its type, feeds the city view. */
@Controller()
export class CaseProjectionConsumer {
  constructor(private readonly projection: CaseProjectionService) {}

  @EventPattern(ANY_EVENT)
  async onEvent(@Payload() event: AnyEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.projection.apply(ctx.manager, event);
  }
}

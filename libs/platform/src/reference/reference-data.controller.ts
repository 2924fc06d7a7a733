import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@sunshine/contracts';
import type { EventContext } from '../messaging/event-context';
import { ReferenceDataService } from './reference-data.service';

/** Keeps the replica from the compacted reference-data topic (full snapshots; an older revision never wins). */
@Controller()
export class ReferenceDataController {
  constructor(private readonly replica: ReferenceDataService) {}

  @EventPattern('reference.calendar-year')
  async onCalendarYear(@Payload() event: EventOf<'reference.calendar-year'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.replica.apply(ctx.manager, event);
  }

  @EventPattern('reference.deadline-policy')
  async onDeadlinePolicy(@Payload() event: EventOf<'reference.deadline-policy'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.replica.apply(ctx.manager, event);
  }

  @EventPattern('reference.routing-rule-set')
  async onRoutingRuleSet(@Payload() event: EventOf<'reference.routing-rule-set'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.replica.apply(ctx.manager, event);
  }

  @EventPattern('reference.category-table')
  async onCategoryTable(@Payload() event: EventOf<'reference.category-table'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.replica.apply(ctx.manager, event);
  }
}

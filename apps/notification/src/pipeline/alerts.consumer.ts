import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@sunshine/contracts';
import type { EventContext } from '@sunshine/platform';

import { NoticePipeline } from './notice-pipeline.service';

/**
 * Supervision's early warnings (alerts topic): planned as notices to the supervising bureaus; evaluation's staff flags
 * (evaluation topic): to the flagged staff member's unit head. In the inbox transaction.
 */
@Controller()
export class AlertsConsumer {
  constructor(private readonly pipeline: NoticePipeline) {}

  @EventPattern('alert.early-warning')
  async onEarlyWarning(@Payload() event: EventOf<'alert.early-warning'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.pipeline.onAlert(ctx.manager, event);
  }

  @EventPattern('evaluation.staff-flagged')
  async onStaffFlagged(@Payload() event: EventOf<'evaluation.staff-flagged'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.pipeline.onStaffFlagged(ctx.manager, event);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@sunshine/contracts';
import type { EventContext } from '@sunshine/platform';
import { LifecycleService } from './lifecycle.service';

/** Other services' facts that move the lifecycle: review requested (intake), window expired (supervision), reply delivered (notification). */
@Controller()
export class LifecycleConsumer {
  constructor(private readonly lifecycle: LifecycleService) {}

  @EventPattern('petition.review-requested')
  onReviewRequested(@Payload() event: EventOf<'petition.review-requested'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.lifecycle.onReviewRequested(ctx.manager, event);
  }

  @EventPattern('case.window-expired')
  onWindowExpired(@Payload() event: EventOf<'case.window-expired'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.lifecycle.onWindowExpired(ctx.manager, event);
  }

  @EventPattern('case.notice-delivered')
  onNoticeDelivered(@Payload() event: EventOf<'case.notice-delivered'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.lifecycle.onNoticeDelivered(ctx.manager, event);
  }
}

import { Module } from '@nestjs/common';

import { CategoriesModule } from '../categories/categories.module';
import { RegistrationModule } from '../registration/registration.module';
import { OnlineSubmissionService } from '../self-service/online-submission.service';
import { SelfServiceModule } from '../self-service/self-service.module';
import { HotlineService } from './hotline.service';
import { HOTLINE_CLASS_TABLE, loadHotlineClassTable } from './hotline-class-table';
import { HotlineFeedbackOps } from './hotline-feedback.ops';
import { HotlineFeedbackReactions } from './hotline-feedback.reactions';
import { HotlineFeedbackSender } from './hotline-feedback.sender';
import { HotlineFeedbackOpsController } from './hotline-feedback-ops.controller';
import { HotlineOrdersController } from './hotline-orders.controller';
import { HotlineSystemsController } from './hotline-systems.controller';

/** 12345 hotline work orders (issue 21): orders and 回访 ratings in (channel `hotline`), feedback out (签收, 退单, 办理结果, 办结), parked feedback replayed by ops. */
@Module({
  imports: [RegistrationModule, CategoriesModule, SelfServiceModule],
  controllers: [HotlineOrdersController, HotlineSystemsController, HotlineFeedbackOpsController],
  providers: [
    { provide: HOTLINE_CLASS_TABLE, useFactory: () => loadHotlineClassTable() },
    HotlineService,
    OnlineSubmissionService,
    HotlineFeedbackReactions,
    HotlineFeedbackSender,
    HotlineFeedbackOps,
  ],
})
export class HotlineModule {}

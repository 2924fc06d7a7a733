import { Module } from '@nestjs/common';

import { CategoriesModule } from '../categories/categories.module';
import { RegistrationModule } from '../registration/registration.module';
import { OnlineSubmissionService } from '../self-service/online-submission.service';
import { HotlineService } from './hotline.service';
import { HotlineFeedbackReactions } from './hotline-feedback.reactions';
import { HotlineFeedbackSender } from './hotline-feedback.sender';
import { HotlineOrdersController } from './hotline-orders.controller';
import { HotlineSystemsController } from './hotline-systems.controller';

/** 12345 hotline work orders (issue 21): orders in (channel `hotline`), feedback out (办理结果, 办结). */
@Module({
  imports: [RegistrationModule, CategoriesModule],
  controllers: [HotlineOrdersController, HotlineSystemsController],
  providers: [HotlineService, OnlineSubmissionService, HotlineFeedbackReactions, HotlineFeedbackSender],
})
export class HotlineModule {}

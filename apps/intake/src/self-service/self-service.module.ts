import { Module } from '@nestjs/common';

import { CategoriesModule } from '../categories/categories.module';
import { RegistrationModule } from '../registration/registration.module';
import { CitizenAccessService } from './citizen-access.service';
import { CitizenActionsService } from './citizen-actions.service';
import { GuessBudgetService } from './guess-budget.service';
import { OnlineSubmissionService } from './online-submission.service';
import { PersonalDataCopyService } from './personal-data-copy.service';
import { ProgressService } from './progress.service';
import { PublicCasesController } from './public-cases.controller';
import { RoutingReplyClient } from './routing-reply.client';

@Module({
  imports: [RegistrationModule, CategoriesModule],
  controllers: [PublicCasesController],
  providers: [
    CitizenAccessService,
    CitizenActionsService,
    GuessBudgetService,
    OnlineSubmissionService,
    PersonalDataCopyService,
    ProgressService,
    RoutingReplyClient,
  ],
  exports: [CitizenAccessService, CitizenActionsService, GuessBudgetService],
})
export class SelfServiceModule {}

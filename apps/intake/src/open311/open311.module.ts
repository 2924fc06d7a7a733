import { Module } from '@nestjs/common';

import { CategoriesModule } from '../categories/categories.module';
import { RegistrationModule } from '../registration/registration.module';
import { OnlineSubmissionService } from '../self-service/online-submission.service';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';
import { Open311ClientsController } from './open311-clients.controller';

/** Open311 GeoReport v2 (issue 21): requests registered by the one online path (网上信访, channel `app`). */
@Module({
  imports: [RegistrationModule, CategoriesModule],
  controllers: [Open311Controller, Open311ClientsController],
  providers: [Open311Service, OnlineSubmissionService],
  exports: [Open311Service],
})
export class Open311Module {}

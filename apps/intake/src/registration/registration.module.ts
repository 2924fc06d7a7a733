import { Module } from '@nestjs/common';

import { CategoriesModule } from '../categories/categories.module';
import { ReceptionModule } from '../reception/reception.module';
import { RepeatDetectorService } from '../repeat/repeat-detector.service';
import { RepeatReportsController } from '../repeat/repeat-reports.controller';
import { RepeatReportsService } from '../repeat/repeat-reports.service';
import { CaseNumberService } from './case-number.service';
import { CorrectionService } from './correction.service';
import { MergeService } from './merge.service';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';
import { RegistrationChecksService } from './registration-checks.service';

@Module({
  imports: [ReceptionModule, CategoriesModule],
  controllers: [RegistrationController, RepeatReportsController],
  providers: [
    RegistrationService,
    RegistrationChecksService,
    CorrectionService,
    MergeService,
    CaseNumberService,
    RepeatDetectorService,
    RepeatReportsService,
  ],
  exports: [RegistrationService],
})
export class RegistrationModule {}

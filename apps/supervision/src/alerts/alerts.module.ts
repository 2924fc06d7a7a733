import { Module } from '@nestjs/common';

import { IntakeSubjectsClient } from '../city-view/intake-subjects.client';
import { AlertWriter } from './alert-writer.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { EarlyWarningService } from './early-warning.service';
import { ReportUpService } from './report-up.service';

/** Early warnings on the alerts topic and urgent matters reported up (Art 25). */
@Module({
  controllers: [AlertsController],
  providers: [AlertWriter, ReportUpService, EarlyWarningService, AlertsService, IntakeSubjectsClient],
  exports: [EarlyWarningService, AlertWriter],
})
export class AlertsModule {}

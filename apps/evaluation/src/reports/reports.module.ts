import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';

import { KpisModule } from '../kpis/kpis.module';
import { ReportProcessor } from './report.processor';
import { REPORT_QUEUE } from './report.queue';
import { ReportService } from './report.service';
import { ReportStore } from './report.store';
import { ReportBuilder } from './report-builder.service';
import { ReportScheduleService } from './report-schedule.service';
import { ReportsController } from './reports.controller';

/** Periodic reports: built from the rollups on schedule (BullMQ), stored, listed, downloadable as xlsx and HTML. */
@Module({
  imports: [KpisModule, BullModule.registerQueue({ name: REPORT_QUEUE })],
  controllers: [ReportsController],
  providers: [ReportBuilder, ReportStore, ReportService, ReportScheduleService, ReportProcessor],
  exports: [ReportService],
})
export class ReportsModule {}

import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Clock } from '@sunshine/platform';
import type { Job } from 'bullmq';

import { REPORT_QUEUE, type ReportJobData } from './report.queue';
import { ReportService } from './report.service';

/** Runs a scheduled report for every bureau's territory. */
@Processor(REPORT_QUEUE, { concurrency: 1 })
export class ReportProcessor extends WorkerHost {
  constructor(
    private readonly reports: ReportService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<ReportJobData>): Promise<number> {
    return (await this.reports.scheduled(job.data.kind, this.clock.now())).length;
  }
}

import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ReportKind } from '@sunshine/contracts';
import type { Queue } from 'bullmq';

import { REPORT_QUEUE, REPORT_SCHEDULES } from './report.queue';

/**
 * Keeps one repeatable job per report kind (BullMQ job schedulers, cron in Asia/Shanghai). Redis is not the only copy:
 * the schedule is this code, re-registered at every start, and a report is stored once per kind, territory and period.
 */
@Injectable()
export class ReportScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportScheduleService.name);

  constructor(@InjectQueue(REPORT_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const [kind, pattern] of Object.entries(REPORT_SCHEDULES) as Array<[ReportKind, string]>) {
        await this.queue.upsertJobScheduler(
          `report-${kind}`,
          { pattern, tz: 'Asia/Shanghai' },
          { name: kind, data: { kind }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
        );
      }
    } catch (error) {
      this.logger.warn(`report schedules not registered yet: ${String(error)}`);
    }
  }
}

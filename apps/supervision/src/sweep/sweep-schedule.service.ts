import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DUE_CHECK_QUEUE, SCAN_JOB, SCAN_SCHEDULER_ID } from '../ledger/due-check.queue';
import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';

/**
 * Keeps the repeatable scan registered in Redis. At start it (re)creates the job scheduler and queues one scan at
 * once, so after Redis was lost the ledger's pending clocks are evaluated, and their wake-ups rebuilt, straight away;
 * while running it re-creates the scheduler if Redis lost it (FLUSHDB, failover without persistence).
 */
@Injectable()
export class SweepScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepScheduleService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(DUE_CHECK_QUEUE) private readonly queue: Queue,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(true);
    this.timer = setInterval(() => void this.ensure(false), Math.max(5000, this.config.scanMs * 5));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async ensure(startup: boolean): Promise<void> {
    try {
      const existing = startup ? undefined : await this.queue.getJobScheduler(SCAN_SCHEDULER_ID);
      if (existing) return;
      await this.queue.upsertJobScheduler(
        SCAN_SCHEDULER_ID,
        { every: this.config.scanMs },
        { name: SCAN_JOB, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
      // Job ids must be unique per run of this code: a completed id would block a re-add.
      await this.queue.add(SCAN_JOB, undefined, { jobId: `scan-now-${Date.now()}`, removeOnComplete: true, removeOnFail: 100 });
      this.logger.log(`due-check scan every ${this.config.scanMs} ms ${startup ? 'registered' : 're-registered after Redis lost it'}`);
    } catch (error) {
      this.logger.warn(`due-check scheduler not registered yet: ${String(error)}`);
    }
  }
}

import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * Keeps one repeatable job registered in Redis (a BullMQ job scheduler). At start it (re)creates the scheduler and
 * queues one run at once, so after Redis was lost the work is done, and its wake-ups rebuilt, straight away; while
 * running it re-creates the scheduler if Redis lost it (FLUSHDB, failover without persistence).
 */
export abstract class RepeatableSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  protected constructor(
    private readonly queue: Queue,
    private readonly job: { readonly schedulerId: string; readonly name: string; readonly everyMs: number; readonly label: string },
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(true);
    this.timer = setInterval(() => void this.ensure(false), Math.max(5000, this.job.everyMs * 5));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async ensure(startup: boolean): Promise<void> {
    const { schedulerId, name, everyMs, label } = this.job;
    try {
      const existing = startup ? undefined : await this.queue.getJobScheduler(schedulerId);
      if (existing) return;
      await this.queue.upsertJobScheduler(schedulerId, { every: everyMs }, { name, opts: { removeOnComplete: true, removeOnFail: 100 } });
      // Job ids must be unique per run of this code: a completed id would block a re-add.
      await this.queue.add(name, undefined, { jobId: `${schedulerId}-now-${Date.now()}`, removeOnComplete: true, removeOnFail: 100 });
      this.logger.log(`${label} every ${everyMs} ms ${startup ? 'registered' : 're-registered after Redis lost it'}`);
    } catch (error) {
      this.logger.warn(`${label} scheduler not registered yet: ${String(error)}`);
    }
  }
}

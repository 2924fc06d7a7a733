import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, withCorrelation } from '@sunshine/platform';
import type { Queue } from 'bullmq';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { DUE_CHECK_QUEUE, WAKE_JOB, type WakeJobData } from './due-check.queue';

/**
 * Delayed wake-up jobs for clocks whose next notice is near (within two scans). BullMQ counts delays on the real
 * clock and keeps a completed job's id, so: the delay is measured against the platform Clock at scheduling time,
 * the job id carries the notice's instant (a moved due instant is a new job), and the job only triggers an
 * evaluation against Clock.now() of the ledger, which is the truth. Losing these jobs costs precision, not notices.
 */
@Injectable()
export class DueWakeScheduler {
  private readonly logger = new Logger(DueWakeScheduler.name);

  constructor(
    @InjectQueue(DUE_CHECK_QUEUE) private readonly queue: Queue<WakeJobData>,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly clock: Clock,
  ) {}

  get lookaheadMs(): number {
    return this.config.scanMs * 2;
  }

  /** Schedules a wake-up at `at` when it falls before the next scans would see it; never fails the caller. */
  soon(caseId: string, clockId: string, at: string | Date | null): void {
    if (at === null) return;
    const when = new Date(at).getTime();
    const delay = when - this.clock.now().getTime();
    if (delay <= 0 || delay > this.lookaheadMs) return;
    void this.add(caseId, clockId, when, delay);
  }

  private async add(caseId: string, clockId: string, when: number, delay: number): Promise<void> {
    try {
      // A little after the instant: the transaction that scheduled it has committed by then. The wake-up's check runs in
      // the correlation of the work that scheduled it (the event or request that moved the clock).
      await this.queue.add(WAKE_JOB, withCorrelation({ caseId }), {
        jobId: `wake-${clockId}-${when}`,
        delay: delay + 250,
        removeOnComplete: true,
        removeOnFail: 100,
      });
    } catch (error) {
      this.logger.warn(`wake-up for clock ${clockId} not scheduled (the scan will catch it): ${String(error)}`);
    }
  }
}

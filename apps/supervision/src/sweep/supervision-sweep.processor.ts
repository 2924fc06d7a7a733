import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

import { DUE_CHECK_QUEUE, WAKE_JOB, type WakeJobData } from '../ledger/due-check.queue';
import { SupervisionSweepService } from './supervision-sweep.service';

/** Runs the sweep on each repetition of the scan, and one case's due check on a wake-up job. */
@Processor(DUE_CHECK_QUEUE, { concurrency: 1 })
export class SupervisionSweepProcessor extends WorkerHost {
  constructor(private readonly sweep: SupervisionSweepService) {
    super();
  }

  async process(job: Job<WakeJobData | undefined>): Promise<void> {
    if (job.name === WAKE_JOB && job.data?.caseId) {
      await this.sweep.checkCase(job.data.caseId);
      return;
    }
    await this.sweep.run();
  }
}

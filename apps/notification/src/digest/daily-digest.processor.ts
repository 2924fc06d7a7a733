import { Processor, WorkerHost } from '@nestjs/bullmq';

import { DIGEST_QUEUE } from './daily-digest.queue';
import { DailyDigestService } from './daily-digest.service';

/** Runs the daily digest on each repetition of its job. */
@Processor(DIGEST_QUEUE, { concurrency: 1 })
export class DailyDigestProcessor extends WorkerHost {
  constructor(private readonly digest: DailyDigestService) {
    super();
  }

  async process(): Promise<void> {
    await this.digest.run();
  }
}

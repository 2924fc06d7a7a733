import { Processor, WorkerHost } from '@nestjs/bullmq';

import { HotTopicScanService } from './hot-topic-scan.service';
import { HOT_TOPIC_QUEUE } from './hot-topics.queue';

/** Runs the hot-topic scan on each repetition. */
@Processor(HOT_TOPIC_QUEUE, { concurrency: 1 })
export class HotTopicScanProcessor extends WorkerHost {
  constructor(private readonly scan: HotTopicScanService) {
    super();
  }

  async process(): Promise<void> {
    await this.scan.run();
  }
}

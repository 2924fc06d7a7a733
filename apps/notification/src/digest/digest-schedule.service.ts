import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification-config';
import { DIGEST_JOB, DIGEST_QUEUE, DIGEST_SCHEDULER_ID, digestCron } from './daily-digest.queue';

/** Keeps the digest's repeatable job (BullMQ job scheduler, cron in Asia/Shanghai) registered at start. */
@Injectable()
export class DigestScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestScheduleService.name);

  constructor(
    @InjectQueue(DIGEST_QUEUE) private readonly queue: Queue,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: digestCron(this.config.digestAt), tz: 'Asia/Shanghai' },
        { name: DIGEST_JOB, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    } catch (error) {
      this.logger.warn(`daily digest not scheduled: ${String(error)}`);
    }
  }
}

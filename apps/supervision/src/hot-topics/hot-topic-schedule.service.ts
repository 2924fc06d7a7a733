import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { RepeatableSchedule } from '../sweep/repeatable-schedule';
import { HOT_TOPIC_JOB, HOT_TOPIC_QUEUE, HOT_TOPIC_SCHEDULER_ID } from './hot-topics.queue';

/** Keeps the repeatable hot-topic scan registered (every SUPERVISION_HOT_TOPIC_SCAN_MS; one scan at start). */
@Injectable()
export class HotTopicScheduleService extends RepeatableSchedule {
  constructor(@InjectQueue(HOT_TOPIC_QUEUE) queue: Queue, @Inject(SUPERVISION_CONFIG) config: SupervisionConfig) {
    super(queue, { schedulerId: HOT_TOPIC_SCHEDULER_ID, name: HOT_TOPIC_JOB, everyMs: config.hotTopicScanMs, label: 'hot-topic scan' });
  }
}

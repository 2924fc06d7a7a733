import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { DUE_CHECK_QUEUE, SCAN_JOB, SCAN_SCHEDULER_ID } from '../ledger/due-check.queue';
import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { RepeatableSchedule } from './repeatable-schedule';

/**
 * Keeps the repeatable due-check scan registered in Redis (RepeatableSchedule): at start one scan runs at once, so
 * after Redis was lost the ledger's pending clocks are evaluated, and their wake-ups rebuilt, straight away.
 */
@Injectable()
export class SweepScheduleService extends RepeatableSchedule {
  constructor(@InjectQueue(DUE_CHECK_QUEUE) queue: Queue, @Inject(SUPERVISION_CONFIG) config: SupervisionConfig) {
    super(queue, { schedulerId: SCAN_SCHEDULER_ID, name: SCAN_JOB, everyMs: config.scanMs, label: 'due-check scan' });
  }
}

import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';

import { AlertsModule } from '../alerts/alerts.module';
import { HotTopicScanProcessor } from './hot-topic-scan.processor';
import { HotTopicScanService } from './hot-topic-scan.service';
import { HotTopicScheduleService } from './hot-topic-schedule.service';
import { HOT_TOPIC_QUEUE } from './hot-topics.queue';
import { IntakeHotTopicsClient } from './intake-hot-topics.client';

/** 热点问题 early warnings: a repeatable scan of intake's clusters of similar petitions (docs/smart-dispatch.md). */
@Module({
  imports: [BullModule.registerQueue({ name: HOT_TOPIC_QUEUE }), AlertsModule],
  providers: [IntakeHotTopicsClient, HotTopicScanService, HotTopicScanProcessor, HotTopicScheduleService],
})
export class HotTopicsModule {}

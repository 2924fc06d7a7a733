import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DirectoryReplicaModule, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';

import { CHANNEL_PROVIDERS, type ChannelProvider } from './channels/channel';
import { EXTERNAL_CHANNEL_PROVIDERS, ExternalChannelsModule } from './channels/external-channels.module';
import { DeliveriesOpsController } from './deliveries/deliveries-ops.controller';
import { DeliveriesOpsService } from './deliveries/deliveries-ops.service';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { DeliveryFeeder } from './deliveries/delivery-feeder.service';
import { DeliveryMetrics } from './deliveries/delivery-metrics';
import { CHANNELS, DELIVERY_QUEUES } from './deliveries/delivery-queues';
import { DeliverySender } from './deliveries/delivery-sender.service';
import { DeliveryWorkers } from './deliveries/delivery-workers.service';
import { NoticeReceipts } from './deliveries/notice-receipts';
import { SmsReportRecorder } from './deliveries/sms-report.recorder';
import { DailyDigestProcessor } from './digest/daily-digest.processor';
import { DIGEST_QUEUE } from './digest/daily-digest.queue';
import { DailyDigestService } from './digest/daily-digest.service';
import { DigestScheduleService } from './digest/digest-schedule.service';
import { InAppProvider } from './inbox/in-app.provider';
import { NoticeStream } from './inbox/notice-stream.service';
import { NoticesController } from './inbox/notices.controller';
import { NoticesService } from './inbox/notices.service';
import { loadNotificationConfig, NOTIFICATION_CONFIG } from './notification-config';
import { IntakeDeliveryClient } from './petitioners/intake-delivery.client';
import { IntakeMessagesDrain } from './petitioners/intake-messages.drain';
import { AlertsConsumer } from './pipeline/alerts.consumer';
import { NoticePipeline } from './pipeline/notice-pipeline.service';
import { NotificationReactions } from './pipeline/notification-reactions';
import { NoticeRuleSetService } from './rules/notice-rule-set.service';
import { NoticeRulesController } from './rules/notice-rules.controller';
import { TemplateRenderer } from './templates/template-renderer';
import { TemplatesController } from './templates/templates.controller';

/** The channel providers the delivery worker sends through, one per channel (channels/channel.ts): in-app, then e-mail, SMS, webhook. */
const channelProviders = {
  provide: CHANNEL_PROVIDERS,
  inject: [InAppProvider, EXTERNAL_CHANNEL_PROVIDERS],
  useFactory: (inApp: ChannelProvider, external: ChannelProvider[]): ChannelProvider[] => [inApp, ...external],
};

/** Notices: the rule table, the deliveries and their queues, the in-app inbox and stream, templates, ops. */
@Global()
@Module({
  imports: [
    DirectoryReplicaModule,
    ExternalChannelsModule,
    ...CHANNELS.map((c) => BullModule.registerQueue({ name: DELIVERY_QUEUES[c] })),
    BullModule.registerQueue({ name: DIGEST_QUEUE }),
  ],
  controllers: [NoticesController, TemplatesController, NoticeRulesController, DeliveriesOpsController, AlertsConsumer],
  providers: [
    { provide: NOTIFICATION_CONFIG, inject: [PLATFORM_CONFIG], useFactory: (platform: PlatformConfig) => loadNotificationConfig(platform) },
    NoticeRuleSetService,
    NoticePipeline,
    NotificationReactions,
    DeliveryRepository,
    DeliveryMetrics,
    NoticeReceipts,
    SmsReportRecorder,
    DeliverySender,
    DeliveryWorkers,
    DeliveryFeeder,
    DeliveriesOpsService,
    IntakeDeliveryClient,
    IntakeMessagesDrain,
    TemplateRenderer,
    InAppProvider,
    channelProviders,
    NoticeStream,
    NoticesService,
    DailyDigestService,
    DailyDigestProcessor,
    DigestScheduleService,
  ],
  exports: [NOTIFICATION_CONFIG, CHANNEL_PROVIDERS, DeliveryRepository, TemplateRenderer],
})
export class NotificationModule {}

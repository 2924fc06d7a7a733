import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';

import type { ChannelProvider } from './channel';
import { CHANNELS_CONFIG, loadChannelsConfig } from './channels-config';
import { EmailChannelProvider } from './email/email-channel.provider';
import { UnitMailboxStore } from './mailbox/unit-mailbox.store';
import { UnitMailboxesController } from './mailbox/unit-mailboxes.controller';
import { UnitMailboxesService } from './mailbox/unit-mailboxes.service';
import { AliyunSmsProvider } from './sms/aliyun-sms.provider';
import { SmsReportHook } from './sms/sms-report.hook';
import { SmsReportsController } from './sms/sms-reports.controller';
import { SmsReportsService } from './sms/sms-reports.service';
import { UNIT_SETTINGS_CIPHER, unitSettingsCipher } from './unit-settings/unit-settings';
import { UnitWebhookStore } from './webhook/unit-webhook.store';
import { UnitWebhooksController } from './webhook/unit-webhooks.controller';
import { UnitWebhooksService } from './webhook/unit-webhooks.service';
import { WebhookChannelProvider } from './webhook/webhook-channel.provider';

/** DI token of the external channels' providers (`ChannelProvider[]`: e-mail, SMS, webhook), for CHANNEL_PROVIDERS. */
export const EXTERNAL_CHANNEL_PROVIDERS = Symbol('EXTERNAL_CHANNEL_PROVIDERS');

/**
 * The external channels (e-mail over SMTP, SMS over Alibaba Cloud, units' webhooks), their settings, the SMS report
 * callback, the units' webhook and mailbox endpoints. The core lists `EXTERNAL_CHANNEL_PROVIDERS` in its CHANNEL_PROVIDERS
 * beside the in-app provider, asks `UnitWebhookStore.target(unitId)` for a webhook's URL and secret and
 * `UnitMailboxStore.address(unitId)` for a unit's mailbox, and registers
 * its recorder of delivery reports with `SmsReportHook.register`.
 */
@Module({
  controllers: [SmsReportsController, UnitWebhooksController, UnitMailboxesController],
  providers: [
    { provide: CHANNELS_CONFIG, inject: [PLATFORM_CONFIG], useFactory: (platform: PlatformConfig) => loadChannelsConfig(platform) },
    { provide: UNIT_SETTINGS_CIPHER, inject: [CHANNELS_CONFIG], useFactory: unitSettingsCipher },
    EmailChannelProvider,
    AliyunSmsProvider,
    WebhookChannelProvider,
    {
      provide: EXTERNAL_CHANNEL_PROVIDERS,
      inject: [EmailChannelProvider, AliyunSmsProvider, WebhookChannelProvider],
      useFactory: (...providers: ChannelProvider[]): ChannelProvider[] => providers,
    },
    SmsReportHook,
    SmsReportsService,
    UnitWebhookStore,
    UnitWebhooksService,
    UnitMailboxStore,
    UnitMailboxesService,
  ],
  exports: [
    CHANNELS_CONFIG,
    EXTERNAL_CHANNEL_PROVIDERS,
    EmailChannelProvider,
    AliyunSmsProvider,
    WebhookChannelProvider,
    SmsReportHook,
    UnitWebhookStore,
    UnitMailboxStore,
  ],
})
export class ExternalChannelsModule {}

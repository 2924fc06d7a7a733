import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';

import { ALERTS_FEED, EVALUATION_FEED } from './alerts-feed';
import { ExternalChannelsModule } from './channels/external-channels.module';
import { NotificationInitial1765000000000 } from './migrations/1765000000000-notification-initial';
import { NotificationUnitWebhooks1765100000000 } from './migrations/1765100000000-notification-unit-webhooks';
import { NotificationDeliveryRetention1796250000000 } from './migrations/1796250000000-notification-delivery-retention';
import { NotificationDeliveryCorrelation1796300000000 } from './migrations/1796300000000-notification-delivery-correlation';
import { NotificationUnitMailboxes1796400000000 } from './migrations/1796400000000-notification-unit-mailboxes';
import { NotificationModule } from './notification.module';

/** The notification service: 通知 notification: notices and deliveries. */
@Module({})
export class AppModule extends ServiceModule(() => ({
  database: {
    replicas: [...standardReplicas(), ALERTS_FEED, EVALUATION_FEED],
    migrations: [
      NotificationInitial1765000000000,
      NotificationUnitWebhooks1765100000000,
      NotificationDeliveryRetention1796250000000,
      NotificationDeliveryCorrelation1796300000000,
      NotificationUnitMailboxes1796400000000,
    ],
  },
  imports: [NotificationModule, ExternalChannelsModule],
})) {}

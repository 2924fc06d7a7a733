import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';
import { ALERTS_FEED } from './alerts-feed';
import { NotificationInitial1765000000000 } from './migrations/1765000000000-notification-initial';
import { NotificationModule } from './notification.module';

/** The notification service: 通知 notification: notices and deliveries. */
@Module({})
export class AppModule extends ServiceModule(() => ({
  database: { replicas: [...standardReplicas(), ALERTS_FEED], migrations: [NotificationInitial1765000000000] },
  imports: [NotificationModule],
})) {}

import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';

/** The notification service: 通知 notification: notices and deliveries. */
@Module({})
export class AppModule extends ServiceModule(() => ({ database: { replicas: standardReplicas() } })) {}

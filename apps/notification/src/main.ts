import 'reflect-metadata';
import { Topics } from '@sunshine/contracts';
import { bootstrapService } from '@sunshine/platform';
import { AppModule } from './app.module';

void bootstrapService({
  service: 'notification',
  title: 'Sunshine notification — 通知 notification: notices and deliveries',
  module: (config) => AppModule.forRoot(config),
  consumes: [Topics.caseLog, Topics.orgDirectory, Topics.referenceData],
});

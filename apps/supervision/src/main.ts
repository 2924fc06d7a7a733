import 'reflect-metadata';
import { Topics } from '@sunshine/contracts';
import { bootstrapService } from '@sunshine/platform';
import { AppModule } from './app.module';

void bootstrapService({
  service: 'supervision',
  title: 'Sunshine supervision — 督查督办 supervision: clocks, orders, escalation, the city view',
  module: (config) => AppModule.forRoot(config),
  consumes: [Topics.caseLog, Topics.orgDirectory, Topics.referenceData],
});

import 'reflect-metadata';
import { Topics } from '@sunshine/contracts';
import { bootstrapService } from '@sunshine/platform';
import { AppModule } from './app.module';

void bootstrapService({
  service: 'routing',
  title: 'Sunshine routing — 转送交办 routing: org directory, dispatch, unit inbox and actions',
  module: (config) => AppModule.forRoot(config),
  consumes: [Topics.caseLog, Topics.referenceData],
});

import 'reflect-metadata';
import { Topics } from '@sunshine/contracts';
import { bootstrapService } from '@sunshine/platform';
import { AppModule } from './app.module';

void bootstrapService({
  service: 'evaluation',
  title: 'Sunshine evaluation — 考核评价 evaluation: KPIs, rankings, reports',
  module: (config) => AppModule.forRoot(config),
  consumes: [Topics.caseLog, Topics.orgDirectory, Topics.referenceData],
});

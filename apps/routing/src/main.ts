import 'reflect-metadata';
import { Topics } from '@sunshine/contracts';
import { bootstrapService } from '@sunshine/platform';
import { AppModule } from './app.module';
import { ROUTING_API_TITLE } from './http/openapi';

void bootstrapService({
  service: 'routing',
  title: ROUTING_API_TITLE,
  module: (config) => AppModule.forRoot(config),
  consumes: [Topics.caseLog, Topics.referenceData],
});

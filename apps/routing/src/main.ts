import './tracing';
import 'reflect-metadata';

import { bootstrapService } from '@sunshine/platform';

import { AppModule } from './app.module';
import { ROUTING_API_TITLE } from './http/openapi';

void bootstrapService({
  service: 'routing',
  title: ROUTING_API_TITLE,
  module: (config) => AppModule.forRoot(config),
});

import './tracing';
import 'reflect-metadata';

import { bootstrapService } from '@sunshine/platform';

import { AppModule } from './app.module';
import { EVALUATION_API_TITLE } from './http/openapi';

void bootstrapService({
  service: 'evaluation',
  title: EVALUATION_API_TITLE,
  module: (config) => AppModule.forRoot(config),
});

import './tracing';
import 'reflect-metadata';

import { bootstrapService } from '@sunshine/platform';

import { AppModule } from './app.module';
import { SUPERVISION_API_TITLE } from './http/openapi';

void bootstrapService({
  service: 'supervision',
  title: SUPERVISION_API_TITLE,
  module: (config) => AppModule.forRoot(config),
});

import './tracing';
import 'reflect-metadata';

import { bootstrapService } from '@sunshine/platform';

import { AppModule } from './app.module';
import { NOTIFICATION_API_TITLE } from './http/openapi';

void bootstrapService({
  service: 'notification',
  title: NOTIFICATION_API_TITLE,
  module: (config) => AppModule.forRoot(config),
});

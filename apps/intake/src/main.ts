import './tracing';
import 'reflect-metadata';

import { bootstrapService } from '@sunshine/platform';

import { AppModule } from './app.module';
import { registerIntakePlugins } from './http/fastify-plugins';
import { INTAKE_API_TITLE } from './http/openapi';
import { loadIntakeConfig } from './intake-config';

let intake: ReturnType<typeof loadIntakeConfig> | undefined;
const intakeConfig = () => (intake ??= loadIntakeConfig());

void bootstrapService({
  service: 'intake',
  title: INTAKE_API_TITLE,
  module: (config) => AppModule.forRoot(config, intakeConfig()),
  configure: (app, config) => registerIntakePlugins(app, config, intakeConfig()),
});

import 'reflect-metadata';
import { Topics } from '@sunshine/contracts';
import { bootstrapService } from '@sunshine/platform';
import { AppModule } from './app.module';
import { loadIntakeConfig } from './intake-config';

void bootstrapService({
  service: 'intake',
  title: 'Sunshine intake 信访登记 — registrations, the dossier, citizen self-service',
  module: (config) => AppModule.forRoot(config, loadIntakeConfig()),
  consumes: [Topics.caseLog, Topics.orgDirectory],
});

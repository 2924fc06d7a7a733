import 'reflect-metadata';
import { Topics } from '@sunshine/contracts';
import { bootstrapService } from '@sunshine/platform';
import { AppModule } from './app.module';

void bootstrapService({
  service: 'intake',
  title: 'Sunshine intake — 信访登记 intake: registrations, the dossier, citizen self-service',
  module: (config) => AppModule.forRoot(config),
  consumes: [Topics.caseLog, Topics.orgDirectory],
});

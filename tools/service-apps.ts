/**
 * The five services as preview applications (Nest's preview mode: every module and controller registered, nothing
 * instantiated, nothing connected), for the tools that read their routes: tools/openapi.ts, tools/permission-matrix.ts.
 */
import 'reflect-metadata';

import type { DynamicModule, INestApplication } from '@nestjs/common';
import { createPreviewApp, previewConfig, type ServiceName } from '@sunshine/platform';

import { AppModule as EvaluationModule } from '../apps/evaluation/src/app.module';
import { EVALUATION_API_TITLE } from '../apps/evaluation/src/http/openapi';
import { AppModule as IntakeModule } from '../apps/intake/src/app.module';
import { INTAKE_API_TITLE } from '../apps/intake/src/http/openapi';
import type { IntakeConfig } from '../apps/intake/src/intake-config';
import { AppModule as NotificationModule } from '../apps/notification/src/app.module';
import { NOTIFICATION_API_TITLE } from '../apps/notification/src/http/openapi';
import { AppModule as RoutingModule } from '../apps/routing/src/app.module';
import { ROUTING_API_TITLE } from '../apps/routing/src/http/openapi';
import { AppModule as SupervisionModule } from '../apps/supervision/src/app.module';
import { SUPERVISION_API_TITLE } from '../apps/supervision/src/http/openapi';

export interface ServiceApp {
  readonly service: ServiceName;
  readonly title: string;
  readonly root: () => DynamicModule;
}

/** Intake's own settings for a preview: well-formed keys that encrypt nothing (nothing runs). */
const PREVIEW_INTAKE: IntakeConfig = {
  piiKeys: `preview:${Buffer.alloc(32).toString('base64')}`,
  piiCurrentKey: 'preview',
  blindIndexKey: Buffer.alloc(32),
  routingUrl: 'http://preview.invalid',
  attachments: { dir: '.local/preview', maxBytes: 5 * 1024 * 1024, maxFiles: 10 },
  publicRateLimit: { max: 30, windowMs: 60_000 },
  queryFailureLimit: 10,
  caseSlowdownMs: 2000,
  repeatThreshold: 0.6,
  ratingSubjects: ['handling-unit'],
};

export const SERVICE_APPS: readonly ServiceApp[] = [
  { service: 'intake', title: INTAKE_API_TITLE, root: () => IntakeModule.forRoot(previewConfig('intake'), PREVIEW_INTAKE) },
  { service: 'routing', title: ROUTING_API_TITLE, root: () => RoutingModule.forRoot(previewConfig('routing')) },
  { service: 'supervision', title: SUPERVISION_API_TITLE, root: () => SupervisionModule.forRoot(previewConfig('supervision')) },
  { service: 'notification', title: NOTIFICATION_API_TITLE, root: () => NotificationModule.forRoot(previewConfig('notification')) },
  { service: 'evaluation', title: EVALUATION_API_TITLE, root: () => EvaluationModule.forRoot(previewConfig('evaluation')) },
];

/** Runs `use` on the service's preview application and closes it. */
export async function withPreviewApp<T>(service: ServiceApp, use: (app: INestApplication) => T | Promise<T>): Promise<T> {
  const app = await createPreviewApp(service.root());
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

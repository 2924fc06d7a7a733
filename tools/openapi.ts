/**
 * Generates each service's OpenAPI 3 document from its controllers, without infrastructure (a preview application):
 *
 *   npm run openapi              writes docs/openapi/<service>.json
 *   npm run openapi -- --check   exits 1 if a committed document is not what it would write
 *
 * tools/openapi.spec.ts runs the check in the unit tests, so CI catches an endpoint changed without regenerating.
 * The running services serve the same document at /docs (bootstrapService → buildOpenApiDocument).
 */
import { join, resolve } from 'node:path';

import { buildOpenApiDocument, type ServiceName } from '@sunshine/platform';

import { type GeneratedDoc, runTool, writeOrCheck } from './generated-docs';
import { SERVICE_APPS, type ServiceApp, withPreviewApp } from './service-apps';

export const OPENAPI_DIR = resolve(__dirname, '..', 'docs', 'openapi');

export function openApiDoc(service: ServiceName): GeneratedDoc {
  return { path: join(OPENAPI_DIR, `${service}.json`), command: 'npm run openapi' };
}

/** The document's exact text for one service. */
export function renderOpenApi(service: ServiceApp): Promise<string> {
  return withPreviewApp(service, (app) => `${JSON.stringify(buildOpenApiDocument(app, service.title), null, 2)}\n`);
}

const pathCount = (text: string): string => `${Object.keys((JSON.parse(text) as { paths: object }).paths).length} paths`;

if (require.main === module) {
  runTool(() =>
    writeOrCheck(SERVICE_APPS.map((s) => ({ doc: openApiDoc(s.service), render: () => renderOpenApi(s), summary: pathCount }))),
  );
}

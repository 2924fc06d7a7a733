/**
 * Generates each service's OpenAPI 3 document from its controllers, without infrastructure (a preview application):
 *
 *   npm run openapi              writes docs/openapi/<service>.json
 *   npm run openapi -- --check   exits 1 if a committed document is not what it would write
 *
 * tools/openapi.spec.ts runs the check in the unit tests, so CI catches an endpoint changed without regenerating.
 * The running services serve the same document at /docs (bootstrapService → buildOpenApiDocument).
 */
import { buildOpenApiDocument, type ServiceName } from '@sunshine/platform';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVICE_APPS, withPreviewApp, type ServiceApp } from './service-apps';

export const OPENAPI_DIR = resolve(__dirname, '..', 'docs', 'openapi');

export function openApiPath(service: ServiceName): string {
  return join(OPENAPI_DIR, `${service}.json`);
}

/** The document's exact text for one service. */
export function renderOpenApi(service: ServiceApp): Promise<string> {
  return withPreviewApp(service, (app) => `${JSON.stringify(buildOpenApiDocument(app, service.title), null, 2)}\n`);
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // missing: a drift too
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  mkdirSync(OPENAPI_DIR, { recursive: true });
  for (const service of SERVICE_APPS) {
    const text = await renderOpenApi(service);
    const path = openApiPath(service.service);
    if (!check) {
      writeFileSync(path, text);
      process.stdout.write(`wrote ${path} (${Object.keys((JSON.parse(text) as { paths: object }).paths).length} paths)\n`);
    } else if (readOrEmpty(path) !== text) {
      process.stderr.write(`docs/openapi/${service.service}.json is out of date: run npm run openapi\n`);
      process.exitCode = 1;
    }
  }
  if (check && !process.exitCode) process.stdout.write('docs/openapi/*.json are up to date\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

import { readFileSync } from 'node:fs';

import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { buildOpenApiDocument, routeTable } from '@sunshine/platform';

import { expectCommitted, type Json, refsOf } from './generated-docs';
import { openApiDoc, renderOpenApi } from './openapi';
import { SERVICE_APPS, withPreviewApp } from './service-apps';

interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema: Record<string, Json> }> };
  responses: Record<string, Json>;
  'x-access'?: string;
}

/** What each route takes as a whole body or query object (a @Body() / @Query() without a field name). */
function wholeInputs(controller: object, handlerName: string): { body: boolean; query: boolean } {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, { data?: unknown }>;
  const whole = (type: RouteParamtypes) =>
    Object.entries(args).some(([key, a]) => key.split(':')[0] === String(type) && a.data === undefined);
  return { body: whole(RouteParamtypes.BODY), query: whole(RouteParamtypes.QUERY) };
}

/** Every operation of the document that takes a body or a query object documents it, fields and all. */
function undocumentedInputs(app: INestApplication, doc: { paths: Record<string, Record<string, Operation>> }): string[] {
  const missing: string[] = [];
  for (const route of routeTable(app)) {
    const op = doc.paths[route.path]?.[route.method.toLowerCase()];
    if (!op) {
      missing.push(`${route.method} ${route.path}: not in the document`);
      continue;
    }
    const { body, query } = wholeInputs(route.controller, route.handlerName);
    const schema = op.requestBody && Object.values(op.requestBody.content)[0]?.schema;
    if (body && !(schema && (schema['properties'] || schema['items'] || schema['anyOf'] || schema['oneOf'] || schema['allOf'])))
      missing.push(`${route.method} ${route.path}: body`);
    if (query && !(op.parameters ?? []).some((p) => p.in === 'query')) missing.push(`${route.method} ${route.path}: query`);
    if (!op['x-access']) missing.push(`${route.method} ${route.path}: x-access`);
  }
  return missing;
}

describe.each(SERVICE_APPS.map((s) => [s.service, s] as const))('OpenAPI document of %s (docs/openapi/)', (name, service) => {
  it('is exactly what npm run openapi generates from the controllers now', async () => {
    expectCommitted(openApiDoc(name), await renderOpenApi(service));
  });

  it('documents every route, each body and query object it takes, and who may call it; every $ref resolves', async () => {
    await withPreviewApp(service, (app) => {
      const doc = buildOpenApiDocument(app, service.title) as unknown as { paths: Record<string, Record<string, Operation>> } & Record<
        string,
        Json
      >;
      expect(undocumentedInputs(app, doc)).toEqual([]);
      const schemas = (doc['components'] as { schemas: Record<string, Json> }).schemas;
      expect(
        refsOf(doc).filter((r) => !(r.startsWith('#/components/schemas/') && schemas[r.slice('#/components/schemas/'.length)])),
      ).toEqual([]);
    });
  });
});

/** The operations whose success answer is documented from a zod schema (@ZodResponse); each must keep it. */
const DOCUMENTED_ANSWERS: Record<string, readonly string[]> = {
  intake: [
    'POST /petitions',
    'GET /categories',
    'POST /suggestions',
    'GET /petitions/{caseId}/dossier',
    'POST /public/cases/progress',
    'POST /public/petitions',
    'GET /public/receptions',
    'POST /public/receptions/{receptionId}/appointments',
    'POST /receptions',
    'GET /receptions/{receptionId}/appointments',
  ],
  routing: ['GET /cases/{caseId}/documents', 'GET /inbox', 'GET /cases/{caseId}', 'GET /cases/{caseId}/dispatches', 'GET /desk'],
  supervision: [
    'GET /cases',
    'GET /cases/{caseId}',
    'GET /clocks',
    'GET /supervision-orders',
    'POST /cases/{caseId}/supervision-orders',
    'POST /supervision-orders/{orderId}/answer',
    'POST /supervision-orders/{orderId}/reminders',
    'GET /escalations',
    'GET /backlog',
    'POST /cases/{caseId}/backlog',
    'GET /leader/cases',
    'GET /alerts',
    'POST /cases/{caseId}/report-up',
  ],
  notification: ['GET /notices'],
  evaluation: [
    'GET /kpis',
    'GET /kpis/units',
    'GET /kpis/cases',
    'GET /rankings/preview',
    'GET /rankings',
    'POST /rankings',
    'GET /reports',
    'POST /reports',
    'GET /reports/{id}',
  ],
};

describe('success answers in docs/openapi/ (@ZodResponse)', () => {
  it('counts the operations with a success schema and keeps those of the endpoints covered', () => {
    const lines: string[] = [];
    const lost: string[] = [];
    let total = 0;
    let documented = 0;
    for (const { service } of SERVICE_APPS) {
      const doc = JSON.parse(readFileSync(openApiDoc(service).path, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
      const withAnswer = new Set<string>();
      let ops = 0;
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          ops += 1;
          const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
          if (success.some(([, r]) => typeof r === 'object' && r !== null && 'content' in r))
            withAnswer.add(`${method.toUpperCase()} ${path}`);
        }
      }
      total += ops;
      documented += withAnswer.size;
      lines.push(`${service}: ${withAnswer.size}/${ops}`);
      lost.push(...(DOCUMENTED_ANSWERS[service] ?? []).filter((op) => !withAnswer.has(op)).map((op) => `${service} ${op}`));
    }
    console.log(`operations with a documented success answer: ${documented}/${total} (${lines.join(', ')})`);
    expect(lost).toEqual([]);
  });
});

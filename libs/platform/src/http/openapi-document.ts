import { HttpStatus, type INestApplication, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

import { describeAccess } from '../auth/route-access';
import { ZodPipe } from '../errors/zod-body.pipe';
import { ERROR_BODY_NAME, ERROR_BODY_SCHEMA } from './error-body';
import { IF_MATCH_HEADER } from './if-match-version.decorator';
import { type RouteEntry, routeTable } from './route-table';
import { acceptsUndefined, openApiSchemaOf, queryParametersOf } from './zod-openapi';

export const API_VERSION = '0.1.0';
const BEARER = 'bearer';

const DESCRIPTION =
  'Every endpoint needs an ES256 bearer token (claims sub, unit, roles, division) unless its security is empty (public). ' +
  '`x-access` names who may call it. Every error answers `{ code, message: { zh, en }, details? }`. ' +
  'Unit actions need the case version: `If-Match: "<version>"` or `expectedVersion` in the body.';

const EXPECTED_VERSION: SchemaObject = {
  type: 'integer',
  minimum: 0,
  description: '该信访事项的版本号（可代替 If-Match） / the case version you acted on (instead of If-Match)',
};

type Operation = OperationObject & { 'x-access'?: string };

interface RouteArg {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: readonly unknown[];
}

function zodArgs(route: RouteEntry, type: RouteParamtypes): ZodPipe<never>[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handlerName) ?? {}) as Record<string, RouteArg>;
  return Object.entries(args)
    .filter(([key, arg]) => key.split(':')[0] === String(type) && arg.data === undefined)
    .flatMap(([, arg]) => (arg.pipes ?? []).filter((p): p is ZodPipe<never> => p instanceof ZodPipe));
}

function isParameter(p: ParameterObject | ReferenceObject): p is ParameterObject {
  return !('$ref' in p);
}

/** A body or query validated by a ZodPipe is documented from its schema, however the handler declared it. */
function addZodInputs(operation: Operation, route: RouteEntry): void {
  const [body] = zodArgs(route, RouteParamtypes.BODY);
  if (body && !operation.requestBody) {
    operation.requestBody = {
      required: !acceptsUndefined(body.schema),
      content: { 'application/json': { schema: openApiSchemaOf(body.schema) } },
    };
  }
  for (const query of zodArgs(route, RouteParamtypes.QUERY)) {
    const known = new Set(
      (operation.parameters ?? [])
        .filter(isParameter)
        .filter((p) => p.in === 'query')
        .map((p) => p.name),
    );
    operation.parameters = [...(operation.parameters ?? []), ...queryParametersOf(query.schema).filter((p) => !known.has(p.name))];
  }
}

/** A unit action takes the version in the body too: documented beside the body's own fields. */
function addExpectedVersion(operation: Operation): void {
  const header = (operation.parameters ?? []).filter(isParameter).some((p) => p.in === 'header' && p.name === IF_MATCH_HEADER);
  if (!header) return;
  const schema = (operation.requestBody as RequestBodyObject | undefined)?.content['application/json']?.schema as SchemaObject | undefined;
  if (!schema) {
    operation.requestBody = {
      required: false,
      content: { 'application/json': { schema: { type: 'object', properties: { expectedVersion: EXPECTED_VERSION } } } },
    };
  } else if (schema.type === 'object') {
    schema.properties = { ...schema.properties, expectedVersion: EXPECTED_VERSION };
  }
}

/** Declared error responses must not hide the success answer (@HttpCode, else 201 for POST, 200 otherwise). */
function addSuccess(operation: Operation, route: RouteEntry): void {
  if (Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status))) return;
  const status =
    (Reflect.getMetadata(HTTP_CODE_METADATA, route.handler) as number | undefined) ??
    (route.method === RequestMethod[RequestMethod.POST] ? HttpStatus.CREATED : HttpStatus.OK);
  operation.responses = { [status]: { description: '' }, ...operation.responses };
}

/**
 * The service's OpenAPI document, the same at /docs and in docs/openapi/: the controllers' decorators, plus the one
 * error body, who may call each operation (`x-access`; public ones without security), every zod-validated body and
 * query, the body's `expectedVersion`, the success answer; paths sorted so the committed file diffs well. Works on an
 * app created in preview mode.
 */
export function buildOpenApiDocument(app: INestApplication, title: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setVersion(API_VERSION)
    .setDescription(DESCRIPTION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addSecurityRequirements(BEARER)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const route of routeTable(app)) {
    const operation = document.paths[route.path]?.[route.method.toLowerCase() as 'get'] as Operation | undefined;
    if (!operation) continue;
    operation['x-access'] = describeAccess(route.access);
    // The document requires the bearer token globally; a public operation says it needs none.
    if (route.access.kind === 'public') operation.security = [];
    else delete operation.security;
    addZodInputs(operation, route);
    addExpectedVersion(operation);
    addSuccess(operation, route);
  }
  document.paths = Object.fromEntries(
    Object.keys(document.paths)
      .sort()
      .map((path) => [path, document.paths[path]]),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [ERROR_BODY_NAME]: ERROR_BODY_SCHEMA } };
  return document;
}

import { Get, HttpCode, type INestApplication, Module, Post } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { OrgDirectory } from '@sunshine/domain';
import { z } from 'zod';

import { AuthGuard } from '../auth/auth.guard';
import { JwtVerifier } from '../auth/jwt-verifier';
import { Public } from '../auth/public.decorator';
import type { StaffClaims, StaffPrincipal } from '../auth/staff-claims';
import { type DevKeyPair, generateDevKeyPair, issueStaffToken } from '../auth/token-issuer';
import { OrgDirectorySource } from '../directory/org-directory.source';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { CityLevel } from './city-level.decorator';
import { type ExpectedVersion, IfMatchVersion, requireVersion } from './if-match-version.decorator';
import { buildOpenApiDocument } from './openapi-document';
import { AllowServiceTokens, Roles } from './roles.decorator';
import { Staff } from './staff.decorator';
import { StaffController } from './staff-controller.decorator';
import { ZodBody } from './zod-body.decorator';
import { ZodQuery } from './zod-query.decorator';

const AUTH = { issuer: 'spec', audience: 'spec' };
const COUNTY_BUREAU = '410726000000:petition-bureau';
const CITY_BUREAU = '410700000000:petition-bureau';
const unit = (id: string, level: 'city' | 'county', divisionCode: string, territoryPath: string[]) => ({
  id,
  name: id,
  kind: 'petition-bureau',
  divisionCode,
  level,
  territoryPath,
  parentId: null,
  competences: [],
  nonAdministrative: false,
  revision: 1,
});
const DIRECTORY = OrgDirectory.of([
  unit(CITY_BUREAU, 'city', '410700000000', ['410700000000']),
  unit(COUNTY_BUREAU, 'county', '410726000000', ['410700000000', '410726000000']),
]);
const noteSchema = z.object({ title: z.string().min(2), pages: z.number().int().min(1) });
const listSchema = z.object({ limit: z.coerce.number().int().max(50).default(10), q: z.string().optional() });

@StaffController('notes', 'notes 笔记')
class NotesController {
  @Get()
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>, @Staff() staff: StaffPrincipal) {
    return { limit: q.limit, unit: staff.unitId };
  }

  @Post()
  @Roles('head', 'handler')
  create(@ZodBody(noteSchema) dto: z.infer<typeof noteSchema>) {
    return dto;
  }

  @Post('approve')
  @HttpCode(200)
  @Roles({ code: 'NOT_APPROVED' }, 'head')
  approve(@IfMatchVersion() version: ExpectedVersion) {
    return { version: requireVersion(version) };
  }

  @Get('shared')
  @AllowServiceTokens('intake')
  shared(@Staff() staff: StaffPrincipal) {
    return { subject: staff.subject };
  }

  @Get('for-services')
  @AllowServiceTokens('notification', 'supervision')
  @Roles({ code: 'SERVICE_ONLY' }, 'service')
  forServices(@Staff() staff: StaffPrincipal) {
    return { unit: staff.unitId };
  }

  @Post('city-settings')
  @HttpCode(200)
  @Roles('admin')
  @CityLevel({ zh: '全市设置', en: 'city settings' })
  setCity(@Staff() staff: StaffPrincipal) {
    return { unit: staff.unitId };
  }

  @Get('public')
  @Public()
  open(@Staff() staff: StaffPrincipal) {
    return { subject: staff.subject };
  }
}

@Module({
  controllers: [NotesController],
  providers: [
    { provide: JwtVerifier, useFactory: async () => JwtVerifier.create({ ...AUTH, publicKeyPem: keys.publicKeyPem }) },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: OrgDirectorySource, useValue: { current: () => Promise.resolve(DIRECTORY) } },
  ],
})
class NotesModule {}

let keys: DevKeyPair;
let app: NestFastifyApplication;

async function call(
  method: 'GET' | 'POST',
  url: string,
  roles?: StaffClaims['roles'],
  body?: unknown,
  headers: Record<string, string> = {},
  unitId = COUNTY_BUREAU,
) {
  const claims = { sub: 'u1', unit: unitId, division: unitId.slice(0, 12) };
  const token = roles ? await issueStaffToken({ ...claims, roles }, { ...AUTH, privateKeyPem: keys.privateKeyPem }) : undefined;
  const response = await app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: response.statusCode, body: response.json<{ code?: string; message?: { zh: string; en: string }; details?: unknown }>() };
}

/** A `service` token as a service's own key or the identity provider's client credentials give it: unit `service:<name>`. */
async function callAs(url: string, unit: string) {
  const claims = { sub: unit, unit, division: '000000000000', roles: ['service' as const] };
  const token = await issueStaffToken(claims, { ...AUTH, privateKeyPem: keys.privateKeyPem });
  const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: response.statusCode, body: response.json<unknown>() };
}

beforeAll(async () => {
  keys = await generateDevKeyPair();
  app = await NestFactory.create<NestFastifyApplication>(NotesModule, new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new HttpErrorFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(() => app.close());

describe('the global guard with @Roles, @AllowServiceTokens and @Staff', () => {
  it('answers 401 TOKEN_MISSING without a token, and lets any staff member read', async () => {
    expect(await call('GET', '/notes')).toMatchObject({ status: 401, body: { code: 'TOKEN_MISSING' } });
    expect(await call('GET', '/notes?limit=5', ['clerk'])).toEqual({
      status: 200,
      body: { limit: 5, unit: '410726000000:petition-bureau' },
    });
  });

  it('refuses a caller without the role with 403 ROLE_REQUIRED naming the roles in Chinese and English, before reading the body', async () => {
    const refused = await call('POST', '/notes', ['clerk'], { title: 'x' });
    expect(refused).toEqual({
      status: 403,
      body: {
        code: 'ROLE_REQUIRED',
        message: {
          zh: '该操作须由以下角色之一办理：单位负责人（head）、经办人（handler）',
          en: 'one of these roles is required: head, handler',
        },
        details: { roles: ['head', 'handler'] },
      },
    });
    expect(await call('POST', '/notes', ['handler'], { title: '立案', pages: 3 })).toEqual({
      status: 201,
      body: { title: '立案', pages: 3 },
    });
  });

  it('uses the code a route gives for its refusal', async () => {
    expect(await call('POST', '/notes/approve', ['handler'], undefined, { 'if-match': '"4"' })).toMatchObject({
      status: 403,
      body: { code: 'NOT_APPROVED' },
    });
    expect(await call('POST', '/notes/approve', ['head'], undefined, { 'if-match': '"4"' })).toEqual({ status: 200, body: { version: 4 } });
  });

  it('refuses every service’s token with 403 STAFF_ONLY where no service is named', async () => {
    expect(await callAs('/notes', 'service:intake')).toEqual({
      status: 403,
      body: { code: 'STAFF_ONLY', message: { zh: '该接口仅供工作人员使用', en: 'staff only: service tokens may not call this endpoint' } },
    });
  });

  it('lets a service’s token through only where @AllowServiceTokens() names that service: any other gets 403 SERVICE_NOT_ALLOWED', async () => {
    const notAllowed = {
      status: 403,
      body: { code: 'SERVICE_NOT_ALLOWED', message: { zh: '该服务无权调用此接口', en: 'this service may not call this endpoint' } },
    };
    expect(await callAs('/notes/shared', 'service:intake')).toEqual({ status: 200, body: { subject: 'service:intake' } });
    expect(await callAs('/notes/shared', 'service:routing')).toEqual(notAllowed);
    expect(await callAs('/notes/shared', 'service:evaluation')).toEqual(notAllowed);
    // A `service` token naming no service of the platform, or a unit: no service's route lets it in.
    expect(await callAs('/notes/shared', 'service:billing')).toEqual(notAllowed);
    expect(await callAs('/notes/shared', COUNTY_BUREAU)).toEqual(notAllowed);
    expect(await callAs('/notes/for-services', 'service:notification')).toEqual({ status: 200, body: { unit: 'service:notification' } });
    expect(await callAs('/notes/for-services', 'service:supervision')).toEqual({ status: 200, body: { unit: 'service:supervision' } });
    expect(await callAs('/notes/for-services', 'service:intake')).toEqual(notAllowed);
  });

  it('answers staff on a route opened to services as before: any staff where no role is required, the route’s code where one is', async () => {
    expect(await call('GET', '/notes/shared', ['clerk'])).toEqual({ status: 200, body: { subject: 'u1' } });
    expect(await call('GET', '/notes/for-services', ['head'])).toMatchObject({ status: 403, body: { code: 'SERVICE_ONLY' } });
  });

  it('needs the services a route is opened to', () => {
    const none = AllowServiceTokens as (...services: string[]) => unknown;
    expect(() => none()).toThrow('@AllowServiceTokens() needs the services that call the route');
  });

  it('refuses a @CityLevel() route to an admin of a county unit with 403 CITY_LEVEL_REQUIRED, and lets a city admin in', async () => {
    expect(await call('POST', '/notes/city-settings', ['admin'])).toEqual({
      status: 403,
      body: {
        code: 'CITY_LEVEL_REQUIRED',
        message: {
          zh: '全市设置只能由市级单位的系统管理员（admin）操作：本单位（410726000000:petition-bureau）不是市级单位',
          en: 'city settings may only be changed by admin staff of a city-level unit; 410726000000:petition-bureau is not one',
        },
        details: { unitId: '410726000000:petition-bureau' },
      },
    });
    expect(await call('POST', '/notes/city-settings', ['clerk'], undefined, {}, CITY_BUREAU)).toMatchObject({
      status: 403,
      body: { code: 'ROLE_REQUIRED' },
    });
    expect(await call('POST', '/notes/city-settings', ['admin'], undefined, {}, '410700000000:unknown')).toMatchObject({
      status: 403,
      body: { code: 'CITY_LEVEL_REQUIRED' },
    });
    expect(await call('POST', '/notes/city-settings', ['admin'], undefined, {}, CITY_BUREAU)).toEqual({
      status: 200,
      body: { unit: CITY_BUREAU },
    });
  });

  it('answers 401 TOKEN_MISSING when @Staff() is asked for on a public route called without a token', async () => {
    expect(await call('GET', '/notes/public')).toMatchObject({
      status: 401,
      body: { code: 'TOKEN_MISSING', message: { zh: '缺少访问令牌' } },
    });
  });
});

describe('@ZodBody, @ZodQuery and @IfMatchVersion', () => {
  it('answers 400 VALIDATION_FAILED naming each bad field of the body and of the query', async () => {
    const body = await call('POST', '/notes', ['head'], { title: 'x' });
    expect(body.status).toBe(400);
    expect(body.body.code).toBe('VALIDATION_FAILED');
    expect(body.body.message?.zh).toBe('请求数据不合法：title、pages');
    const query = await call('GET', '/notes?limit=99', ['head']);
    expect([query.status, query.body.code, query.body.message?.zh]).toEqual([400, 'VALIDATION_FAILED', '请求数据不合法：limit']);
  });

  it('takes the version from If-Match or the body, and answers 400 VERSION_REQUIRED without one', async () => {
    expect(await call('POST', '/notes/approve', ['head'], { expectedVersion: 7 })).toEqual({ status: 200, body: { version: 7 } });
    expect(await call('POST', '/notes/approve', ['head'])).toMatchObject({ status: 400, body: { code: 'VERSION_REQUIRED' } });
  });
});

describe('buildOpenApiDocument', () => {
  let doc: ReturnType<typeof buildOpenApiDocument>;
  beforeAll(() => {
    doc = buildOpenApiDocument(app as INestApplication, 'spec');
  });

  it('documents the body and every query parameter from the zod schemas', () => {
    expect(doc.paths['/notes']?.post?.requestBody).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { title: { type: 'string', minLength: 2 }, pages: { type: 'integer', minimum: 1, maximum: 9007199254740991 } },
            required: ['title', 'pages'],
          },
        },
      },
    });
    const query = doc.paths['/notes']?.get?.parameters?.map((p) => ('name' in p ? [p.name, p.in, p.required] : []));
    expect(query).toEqual([
      ['limit', 'query', false],
      ['q', 'query', false],
    ]);
  });

  it('documents If-Match as a header and expectedVersion in the body, who may call, and the error answers', () => {
    const approve = doc.paths['/notes/approve']?.post;
    expect(approve?.parameters?.map((p) => ('name' in p ? [p.name, p.in] : []))).toEqual([['If-Match', 'header']]);
    expect(approve?.requestBody).toMatchObject({
      required: false,
      content: { 'application/json': { schema: { properties: { expectedVersion: { type: 'integer' } } } } },
    });
    expect(Object.keys(approve?.responses ?? {})).toEqual(['200', '400', '401', '403', '404', '409', '422', '429']);
    expect(approve?.responses['409']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
    expect((approve as { 'x-access'?: string })['x-access']).toBe('head → NOT_APPROVED');
    expect((doc.paths['/notes/shared']?.get as { 'x-access'?: string })['x-access']).toBe('staff (+ service tokens of intake)');
    expect((doc.paths['/notes/for-services']?.get as { 'x-access'?: string })['x-access']).toBe(
      'service (+ service tokens of notification, supervision) → SERVICE_ONLY',
    );
    expect((doc.paths['/notes/city-settings']?.post as { 'x-access'?: string })['x-access']).toBe(
      'admin of a city-level unit → CITY_LEVEL_REQUIRED',
    );
    expect(doc.paths['/notes/public']?.get?.security).toEqual([]);
    expect(doc.paths['/notes']?.get?.tags).toEqual(['notes 笔记']);
    expect(doc.paths['/notes']?.get?.security).toBeUndefined();
    expect(doc.components?.schemas?.['ErrorBody']).toMatchObject({ required: ['code', 'message'] });
  });
});

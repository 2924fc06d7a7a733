import { Controller, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { AuthGuard } from '../auth/auth.guard';
import { JwtVerifier } from '../auth/jwt-verifier';
import { Public } from '../auth/public.decorator';
import type { StaffClaims, StaffPrincipal } from '../auth/staff-claims';
import { generateDevKeyPair, issueStaffToken, type DevKeyPair } from '../auth/token-issuer';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { ApiErrorResponses } from './api-error-responses.decorator';
import { IfMatchVersion } from './if-match-version.decorator';
import { buildOpenApiDocument } from './openapi-document';
import { AllowServiceTokens, Roles } from './roles.decorator';
import { Staff } from './staff.decorator';
import { ZodBody } from './zod-body.decorator';
import { ZodQuery } from './zod-query.decorator';

const AUTH = { issuer: 'spec', audience: 'spec' };
const noteSchema = z.object({ title: z.string().min(2), pages: z.number().int().min(1) });
const listSchema = z.object({ limit: z.coerce.number().int().max(50).default(10), q: z.string().optional() });

@ApiErrorResponses()
@Controller('notes')
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
  approve(@IfMatchVersion() version: number) {
    return { version };
  }

  @Get('shared')
  @AllowServiceTokens()
  shared(@Staff() staff: StaffPrincipal) {
    return { subject: staff.subject };
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
  ],
})
class NotesModule {}

let keys: DevKeyPair;
let app: NestFastifyApplication;

async function call(method: 'GET' | 'POST', url: string, roles?: StaffClaims['roles'], body?: unknown, headers: Record<string, string> = {}) {
  const token = roles ? await issueStaffToken({ sub: 'u1', unit: '410726000000:petition-bureau', division: '410726000000', roles }, { ...AUTH, privateKeyPem: keys.privateKeyPem }) : undefined;
  const response = await app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: response.statusCode, body: response.json<{ code?: string; message?: { zh: string; en: string }; details?: unknown }>() };
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
    expect(await call('GET', '/notes?limit=5', ['clerk'])).toEqual({ status: 200, body: { limit: 5, unit: '410726000000:petition-bureau' } });
  });

  it('refuses a caller without the role with 403 ROLE_REQUIRED naming the roles in Chinese and English, before reading the body', async () => {
    const refused = await call('POST', '/notes', ['clerk'], { title: 'x' });
    expect(refused).toEqual({
      status: 403,
      body: {
        code: 'ROLE_REQUIRED',
        message: { zh: '该操作须由以下角色之一办理：单位负责人（head）、经办人（handler）', en: 'one of these roles is required: head, handler' },
        details: { roles: ['head', 'handler'] },
      },
    });
    expect(await call('POST', '/notes', ['handler'], { title: '立案', pages: 3 })).toEqual({ status: 201, body: { title: '立案', pages: 3 } });
  });

  it('uses the code a route gives for its refusal', async () => {
    expect(await call('POST', '/notes/approve', ['handler'], undefined, { 'if-match': '"4"' })).toMatchObject({ status: 403, body: { code: 'NOT_APPROVED' } });
    expect(await call('POST', '/notes/approve', ['head'], undefined, { 'if-match': '"4"' })).toEqual({ status: 200, body: { version: 4 } });
  });

  it('refuses other services’ tokens with 403 STAFF_ONLY unless the route allows them', async () => {
    expect(await call('GET', '/notes', ['service'])).toMatchObject({ status: 403, body: { code: 'STAFF_ONLY' } });
    expect(await call('GET', '/notes/shared', ['service'])).toEqual({ status: 200, body: { subject: 'u1' } });
  });

  it('answers 401 TOKEN_MISSING when @Staff() is asked for on a public route called without a token', async () => {
    expect(await call('GET', '/notes/public')).toMatchObject({ status: 401, body: { code: 'TOKEN_MISSING', message: { zh: '缺少访问令牌' } } });
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
    expect(approve?.requestBody).toMatchObject({ required: false, content: { 'application/json': { schema: { properties: { expectedVersion: { type: 'integer' } } } } } });
    expect(Object.keys(approve?.responses ?? {})).toEqual(['200', '400', '401', '403', '404', '409', '422', '429']);
    expect(approve?.responses['409']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });
    expect((approve as { 'x-access'?: string })['x-access']).toBe('head → NOT_APPROVED');
    expect((doc.paths['/notes/shared']?.get as { 'x-access'?: string })['x-access']).toBe('staff (+ service tokens)');
    expect(doc.paths['/notes/public']?.get?.security).toEqual([]);
    expect(doc.components?.schemas?.['ErrorBody']).toMatchObject({ required: ['code', 'message'] });
  });
});

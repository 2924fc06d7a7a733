import { Controller, Get, HttpCode, type MessageEvent, Module, Post, Sse } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { importPKCS8, SignJWT } from 'jose';
import { interval, map, type Observable } from 'rxjs';

import { HttpErrorFilter } from '../errors/http-error.filter';
import { OpenToAdministrators, Roles } from '../http/roles.decorator';
import { Staff } from '../http/staff.decorator';
import { AuthGuard } from './auth.guard';
import { JwtVerifier, TOKEN_ALGORITHM } from './jwt-verifier';
import { incompatibleRoles } from './role-separation';
import type { StaffPrincipal, StaffRole } from './staff-claims';
import { endAtTokenExpiry } from './token-expiry';
import { type DevKeyPair, generateDevKeyPair, issueStaffToken } from './token-issuer';

const AUTH = { issuer: 'spec', audience: 'spec', maxTokenLifetimeSeconds: 900 };
const UNIT = '410726000000:petition-bureau';
const claims = (roles: StaffRole[]) => ({ sub: 'u1', unit: UNIT, division: '410726000000', roles });

@Controller('t')
class TokenController {
  @Get('case-work')
  caseWork(@Staff() staff: StaffPrincipal) {
    return { roles: staff.roles, expiresAt: staff.expiresAt?.toISOString() };
  }

  @Get('audit')
  @Roles('audit-admin')
  audit(@Staff() staff: StaffPrincipal) {
    return { roles: staff.roles };
  }

  @Get('directory')
  @OpenToAdministrators('sysadmin')
  directory(@Staff() staff: StaffPrincipal) {
    return { roles: staff.roles };
  }

  @Post('directory')
  @HttpCode(200)
  @Roles('admin')
  @OpenToAdministrators('sysadmin')
  editDirectory() {
    return { ok: true };
  }

  @Sse('live')
  live(@Staff() staff: StaffPrincipal): Observable<MessageEvent> {
    return interval(200).pipe(
      map((i): MessageEvent => ({ type: 'tick', data: { i } })),
      endAtTokenExpiry(staff),
    );
  }
}

@Module({
  controllers: [TokenController],
  providers: [
    { provide: JwtVerifier, useFactory: () => JwtVerifier.create({ ...AUTH, publicKeyPem: keys.publicKeyPem }) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
class TokenModule {}

let keys: DevKeyPair;
let app: NestFastifyApplication;

/** A token with the exact claims given (no defaults): iat and exp in seconds, either left out when undefined. */
async function raw(payload: { iat?: number; exp?: number }, roles: StaffRole[] = ['clerk']): Promise<string> {
  const jwt = new SignJWT({ unit: UNIT, division: '410726000000', roles })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM })
    .setSubject('u1')
    .setIssuer('spec')
    .setAudience('spec');
  if (payload.iat !== undefined) jwt.setIssuedAt(payload.iat);
  if (payload.exp !== undefined) jwt.setExpirationTime(payload.exp);
  return jwt.sign(await importPKCS8(keys.privateKeyPem, TOKEN_ALGORITHM));
}

async function get(url: string, token: string) {
  const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: r.statusCode, body: r.json<{ code?: string; message?: { zh: string; en: string } }>() };
}

beforeAll(async () => {
  keys = await generateDevKeyPair();
  app = await NestFactory.create<NestFastifyApplication>(TokenModule, new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new HttpErrorFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(() => app.close());

const nowS = () => Math.floor(Date.now() / 1000);

describe('token lifetime rules (exp required, at most the configured lifetime)', () => {
  it('accepts a 15-minute token and tells when it expires', async () => {
    const exp = nowS() + 900;
    const ok = await get('/t/case-work', await raw({ iat: exp - 900, exp }));
    expect(ok).toEqual({ status: 200, body: { roles: ['clerk'], expiresAt: new Date(exp * 1000).toISOString() } });
  });

  it('refuses a token without exp: 401 TOKEN_EXPIRY_MISSING', async () => {
    expect(await get('/t/case-work', await raw({ iat: nowS() }))).toEqual({
      status: 401,
      body: {
        code: 'TOKEN_EXPIRY_MISSING',
        message: { zh: '访问令牌缺少有效期（exp），不予接受', en: expect.stringContaining('"exp"') as string },
      },
    });
  });

  it('refuses a token valid 100 years, with or without iat, and one issued for 16 minutes: 401 TOKEN_LIFETIME_EXCESSIVE', async () => {
    const hundredYears = nowS() + 100 * 365 * 86400;
    for (const token of [
      await raw({ iat: nowS(), exp: hundredYears }),
      await raw({ exp: hundredYears }),
      await raw({ iat: nowS() - 60, exp: nowS() + 900 }),
    ]) {
      expect(await get('/t/case-work', token)).toMatchObject({
        status: 401,
        body: { code: 'TOKEN_LIFETIME_EXCESSIVE', message: { zh: '访问令牌有效期超过上限，不予接受' } },
      });
    }
  });

  it('refuses an expired token: 401 TOKEN_EXPIRED', async () => {
    const token = await issueStaffToken(claims(['clerk']), { ...AUTH, privateKeyPem: keys.privateKeyPem, expiresIn: -60 });
    expect(await get('/t/case-work', token)).toMatchObject({
      status: 401,
      body: { code: 'TOKEN_EXPIRED', message: { zh: '访问令牌已过期，请重新登录' } },
    });
  });

  it('issues 15-minute tokens by default, which the 15-minute rule accepts', async () => {
    const token = await issueStaffToken(claims(['clerk']), { ...AUTH, privateKeyPem: keys.privateKeyPem });
    expect((await get('/t/case-work', token)).status).toBe(200);
  });
});

describe('三员分立 (separation of the three administrators)', () => {
  it('knows which role sets may not stand together', () => {
    expect(incompatibleRoles(['sysadmin'])).toBeUndefined();
    expect(incompatibleRoles(['audit-admin', 'audit-admin'])).toBeUndefined();
    expect(incompatibleRoles(['clerk', 'head', 'admin', 'ops'])).toBeUndefined();
    expect(incompatibleRoles(['sysadmin', 'audit-admin'])).toEqual(['sysadmin', 'audit-admin']);
    expect(incompatibleRoles(['security-admin', 'head'])).toEqual(['security-admin', 'head']);
    expect(incompatibleRoles(['audit-admin', 'service'])).toEqual(['audit-admin', 'service']);
  });

  it('refuses a token combining two of them, or one with a business role: 401 TOKEN_ROLES_INCOMPATIBLE', async () => {
    for (const roles of [
      ['sysadmin', 'security-admin'],
      ['audit-admin', 'clerk'],
    ] satisfies StaffRole[][]) {
      const token = await issueStaffToken(claims(roles), { ...AUTH, privateKeyPem: keys.privateKeyPem });
      expect(await get('/t/audit', token)).toMatchObject({ status: 401, body: { code: 'TOKEN_ROLES_INCOMPATIBLE' } });
    }
  });

  it('lets the audit administrator call only the routes opened to its role, never case work: 403 ADMINISTRATOR_NOT_FOR_CASES', async () => {
    const audit = await issueStaffToken(claims(['audit-admin']), { ...AUTH, privateKeyPem: keys.privateKeyPem });
    expect(await get('/t/audit', audit)).toEqual({ status: 200, body: { roles: ['audit-admin'] } });
    expect(await get('/t/case-work', audit)).toEqual({
      status: 403,
      body: {
        code: 'ADMINISTRATOR_NOT_FOR_CASES',
        message: {
          zh: '三员分立：审计管理员（audit-admin）只能使用为该角色开放的管理接口，不办理信访事项',
          en: 'separation of duties: audit-admin may only call the endpoints opened to that role, never case work',
        },
        details: { role: 'audit-admin' },
      },
    });
    const clerk = await issueStaffToken(claims(['clerk']), { ...AUTH, privateKeyPem: keys.privateKeyPem });
    expect(await get('/t/audit', clerk)).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
  });

  it('admits an administrator to an any-staff route opened to it (@OpenToAdministrators), never past a route’s @Roles()', async () => {
    const sysadmin = await issueStaffToken(claims(['sysadmin']), { ...AUTH, privateKeyPem: keys.privateKeyPem });
    const audit = await issueStaffToken(claims(['audit-admin']), { ...AUTH, privateKeyPem: keys.privateKeyPem });
    const clerk = await issueStaffToken(claims(['clerk']), { ...AUTH, privateKeyPem: keys.privateKeyPem });
    expect(await get('/t/directory', sysadmin)).toEqual({ status: 200, body: { roles: ['sysadmin'] } });
    expect(await get('/t/directory', clerk)).toEqual({ status: 200, body: { roles: ['clerk'] } });
    expect(await get('/t/directory', audit)).toMatchObject({ status: 403, body: { code: 'ADMINISTRATOR_NOT_FOR_CASES' } });
    const post = await app.inject({ method: 'POST', url: '/t/directory', headers: { authorization: `Bearer ${sysadmin}` } });
    expect(post.statusCode).toBe(403);
    expect(post.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});

describe('live streams end when the token expires', () => {
  it('sends token-expired and closes the SSE response at exp', async () => {
    await app.listen(0, '127.0.0.1');
    const address = await app.getUrl();
    const token = await issueStaffToken(claims(['clerk']), { ...AUTH, privateKeyPem: keys.privateKeyPem, expiresIn: 2 });
    const started = Date.now();
    const response = await fetch(`${address}/t/live`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const text = await response.text(); // resolves only when the server ends the stream
    const lasted = Date.now() - started;
    expect(text).toContain('event: tick');
    expect(
      text
        .trimEnd()
        .endsWith(
          'data: {"code":"TOKEN_EXPIRED","message":{"zh":"访问令牌已过期，请重新登录后再连接","en":"the token expired: sign in again and reconnect"}}',
        ),
    ).toBe(true);
    expect(text).toContain('event: token-expired');
    // exp is whole seconds: 1 to 2 s after the token was signed, never the 8 h of the old default.
    expect(lasted).toBeGreaterThan(500);
    expect(lasted).toBeLessThan(5000);
  }, 15000);
});

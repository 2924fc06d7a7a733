import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Controller, Get, Module } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { importPKCS8, SignJWT } from 'jose';

import type { ServiceName } from '../config/platform-config';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { AllowServiceTokens } from '../http/roles.decorator';
import { Staff } from '../http/staff.decorator';
import { AuthGuard } from './auth.guard';
import { JwtVerifier, TOKEN_ALGORITHM, TokenRejectedError } from './jwt-verifier';
import { serviceOfKeyId, servicePublicKeyFile, signingKeyProblem } from './service-keys';
import type { StaffPrincipal } from './staff-claims';
import { type DevKeyPair, generateDevKeyPair, issueServiceToken, issueStaffToken } from './token-issuer';

const AUTH = { issuer: 'spec', audience: 'spec', maxTokenLifetimeSeconds: 900 };
const UNIT = '410726000000:petition-bureau';
const CLERK = { sub: 'u1', unit: UNIT, division: '410726000000', roles: ['clerk' as const] };

let staff: DevKeyPair;
let intake: DevKeyPair;
let routing: DevKeyPair;
let dir: string;
let keysDir: string;
let verifier: JwtVerifier;

/** A token with exactly the header kid and claims given, signed with `key`, living `lifetimeS` from now. */
async function signed(key: DevKeyPair, kid: string | undefined, claims: Record<string, unknown>, lifetimeS = 300): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader(kid === undefined ? { alg: TOKEN_ALGORITHM } : { alg: TOKEN_ALGORITHM, kid })
    .setIssuer('spec')
    .setAudience('spec')
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeS)
    .sign(await importPKCS8(key.privateKeyPem, TOKEN_ALGORITHM));
}

const serviceClaims = (name: string) => ({ sub: `service:${name}`, unit: `service:${name}`, division: '000000000000', roles: ['service'] });

async function refusal(token: string, by: JwtVerifier = verifier): Promise<{ code: string; reason: string }> {
  const error = await by.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenRejectedError)) throw new Error('the token was accepted');
  return { code: error.code, reason: error.reason };
}

function writeKey(name: string, pem: string): string {
  const file = join(dir, name);
  writeFileSync(file, pem);
  return file;
}

beforeAll(async () => {
  [staff, intake, routing] = await Promise.all([generateDevKeyPair(), generateDevKeyPair(), generateDevKeyPair()]);
  dir = mkdtempSync(join(tmpdir(), 'service-keys-'));
  keysDir = join(dir, 'services');
  mkdirSync(keysDir);
  writeFileSync(servicePublicKeyFile(keysDir, 'intake'), intake.publicKeyPem);
  writeFileSync(servicePublicKeyFile(keysDir, 'routing'), routing.publicKeyPem);
  verifier = await JwtVerifier.create({ ...AUTH, publicKeyPem: staff.publicKeyPem, serviceKeysDir: keysDir });
});

describe('a service key signs its own service token and nothing else', () => {
  it('accepts intake’s own service token signed with intake’s key (kid service:intake)', async () => {
    const token = await issueServiceToken('intake', { privateKeyPem: intake.privateKeyPem, issuer: 'spec', audience: 'spec' });
    const principal = await verifier.verify(token);
    expect({ ...principal, token: undefined, expiresAt: undefined }).toEqual({
      subject: 'service:intake',
      unitId: 'service:intake',
      roles: ['service'],
      divisionCode: '000000000000',
      token: undefined,
      expiresAt: undefined,
    });
  });

  it('refuses staff claims signed with a service key: TOKEN_SERVICE_KEY_MISUSED', async () => {
    expect(await refusal(await signed(intake, 'service:intake', CLERK))).toEqual({
      code: 'TOKEN_SERVICE_KEY_MISUSED',
      reason: "the key of service:intake signs only service:intake's own service tokens (wrong: sub, unit, division, roles)",
    });
    // Its own name with a staff role beside `service`, or a county's division: still not its service token.
    expect(await refusal(await signed(intake, 'service:intake', { ...serviceClaims('intake'), roles: ['service', 'head'] }))).toEqual({
      code: 'TOKEN_SERVICE_KEY_MISUSED',
      reason: "the key of service:intake signs only service:intake's own service tokens (wrong: roles)",
    });
    expect(await refusal(await signed(intake, 'service:intake', { ...serviceClaims('intake'), division: '410726000000' }))).toEqual({
      code: 'TOKEN_SERVICE_KEY_MISUSED',
      reason: "the key of service:intake signs only service:intake's own service tokens (wrong: division)",
    });
  });

  it('refuses intake’s key claiming to be routing', async () => {
    // Named as intake's key, claiming routing's identity: the claims are checked against the key's service.
    expect(await refusal(await signed(intake, 'service:intake', serviceClaims('routing')))).toEqual({
      code: 'TOKEN_SERVICE_KEY_MISUSED',
      reason: "the key of service:intake signs only service:intake's own service tokens (wrong: sub, unit)",
    });
    // Named as routing's key: verified with routing's public key, so intake's signature fails.
    expect(await refusal(await signed(intake, 'service:routing', serviceClaims('routing')))).toEqual({
      code: 'TOKEN_INVALID',
      reason: 'signature verification failed',
    });
  });

  it('never verifies a service key’s signature with the staff key (no kid, or a Keycloak-like kid): TOKEN_INVALID', async () => {
    for (const kid of [undefined, 'k1']) {
      expect(await refusal(await signed(intake, kid, CLERK))).toEqual({ code: 'TOKEN_INVALID', reason: 'signature verification failed' });
    }
  });

  it('refuses a service-key token living longer than a service token’s 300 s: TOKEN_LIFETIME_EXCESSIVE', async () => {
    expect(await refusal(await signed(intake, 'service:intake', serviceClaims('intake'), 301))).toEqual({
      code: 'TOKEN_LIFETIME_EXCESSIVE',
      reason: 'token lifetime exceeds 300 s',
    });
  });

  it('refuses a service kid no key is trusted for: unknown name, a service without its file, a verifier without AUTH_SERVICE_KEYS_DIR', async () => {
    expect(await refusal(await signed(intake, 'service:billing', serviceClaims('billing')))).toEqual({
      code: 'TOKEN_INVALID',
      reason: 'no service key service:billing is trusted here',
    });
    expect(await refusal(await signed(intake, 'service:evaluation', serviceClaims('evaluation')))).toEqual({
      code: 'TOKEN_INVALID',
      reason: 'no service key service:evaluation is trusted here',
    });
    const staffOnly = await JwtVerifier.create({ ...AUTH, publicKeyPem: staff.publicKeyPem });
    const own = await issueServiceToken('intake', { privateKeyPem: intake.privateKeyPem, issuer: 'spec', audience: 'spec' });
    expect(await refusal(own, staffOnly)).toEqual({ code: 'TOKEN_INVALID', reason: 'no service key service:intake is trusted here' });
  });

  it('still accepts staff tokens signed with the staff key, and no staff-key token dressed as a service key', async () => {
    const token = await issueStaffToken(CLERK, { ...AUTH, privateKeyPem: staff.privateKeyPem });
    expect(await verifier.verify(token)).toMatchObject({ subject: 'u1', unitId: UNIT, roles: ['clerk'], divisionCode: '410726000000' });
    expect(await refusal(await signed(staff, 'service:intake', serviceClaims('intake')))).toEqual({
      code: 'TOKEN_INVALID',
      reason: 'signature verification failed',
    });
  });

  it('reads the service a kid names', () => {
    expect(['service:intake', 'service:routing', 'service:', 'service:billing', 'intake', undefined].map(serviceOfKeyId)).toEqual([
      'intake',
      'routing',
      null,
      null,
      undefined,
      undefined,
    ]);
  });
});

describe('the guard answers a service key’s misuse with 401 and the zh reason', () => {
  @Controller('t')
  class ProbeController {
    @Get('staff')
    staffOnly(@Staff() caller: StaffPrincipal) {
      return { unit: caller.unitId };
    }

    @Get('service')
    @AllowServiceTokens('intake')
    service(@Staff() caller: StaffPrincipal) {
      return { unit: caller.unitId, roles: caller.roles };
    }
  }

  @Module({
    controllers: [ProbeController],
    providers: [
      { provide: JwtVerifier, useFactory: () => verifier },
      { provide: APP_GUARD, useClass: AuthGuard },
    ],
  })
  class ProbeModule {}

  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new HttpErrorFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const get = async (url: string, token: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    return { status: r.statusCode, body: r.json<unknown>() };
  };

  it('401 TOKEN_SERVICE_KEY_MISUSED for a clerk token signed by intake’s key; 200 for intake’s own token where intake may call, 403 for routing’s', async () => {
    expect(await get('/t/staff', await signed(intake, 'service:intake', CLERK))).toEqual({
      status: 401,
      body: {
        code: 'TOKEN_SERVICE_KEY_MISUSED',
        message: {
          zh: '服务密钥只能签发本服务自身的服务令牌，不能代表单位或人员，不予接受',
          en: "the key of service:intake signs only service:intake's own service tokens (wrong: sub, unit, division, roles)",
        },
      },
    });
    const own = await issueServiceToken('intake', { privateKeyPem: intake.privateKeyPem, issuer: 'spec', audience: 'spec' });
    expect(await get('/t/service', own)).toEqual({ status: 200, body: { unit: 'service:intake', roles: ['service'] } });
    expect(await get('/t/staff', own)).toMatchObject({ status: 403, body: { code: 'STAFF_ONLY' } });
    // routing's own token, verified with routing's key, is routing's: not a service this route names.
    const routings = await issueServiceToken('routing', { privateKeyPem: routing.privateKeyPem, issuer: 'spec', audience: 'spec' });
    expect(await get('/t/service', routings)).toMatchObject({ status: 403, body: { code: 'SERVICE_NOT_ALLOWED' } });
  });
});

describe('a service may not start with the staff key as its signing key', () => {
  const service: ServiceName = 'intake';

  it('names the staff key, another service’s key, and a key the directory lacks; accepts its own', () => {
    const staffPublic = writeKey('staff-public.pem', staff.publicKeyPem);
    const settings = (signing: string) => ({ serviceSigningKeyFile: signing, publicKeyFile: staffPublic, serviceKeysDir: keysDir });
    expect(signingKeyProblem(service, settings(writeKey('staff-private.pem', staff.privateKeyPem)))).toBe(
      'SERVICE_SIGNING_KEY_FILE: is the key that signs staff tokens; each service signs with its own key (AUTH_SERVICE_KEYS_DIR, docs/identity.md)',
    );
    expect(signingKeyProblem(service, settings(writeKey('routing-private.pem', routing.privateKeyPem)))).toBe(
      `SERVICE_SIGNING_KEY_FILE: is not the key of ${join(keysDir, 'intake.pem')}`,
    );
    expect(signingKeyProblem('evaluation', settings(writeKey('intake-private.pem', intake.privateKeyPem)))).toBe(
      "AUTH_SERVICE_KEYS_DIR: has no evaluation.pem for this service's SERVICE_SIGNING_KEY_FILE",
    );
    expect(signingKeyProblem(service, settings(join(dir, 'intake-private.pem')))).toBeUndefined();
    // The staff key behind a JWKS (Keycloak) is not known here: only the directory is compared.
    expect(signingKeyProblem(service, { serviceSigningKeyFile: join(dir, 'intake-private.pem') })).toBeUndefined();
    expect(signingKeyProblem(service, { publicKeyFile: staffPublic })).toBeUndefined();
  });
});

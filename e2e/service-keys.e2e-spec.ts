import { readFileSync } from 'node:fs';

import { issueServiceToken, issueStaffToken, TOKEN_ALGORITHM } from '@sunshine/platform';
import { http, ServiceHarness, TEST_AUDIENCE, TEST_ISSUER } from '@sunshine/testing';
import { importPKCS8, SignJWT } from 'jose';

import { claims } from './fixtures';

// Issue 18: no service holds a key that can sign a staff token. A service started by the harness (as by `npm run up`)
// gets its own signing key; whatever it signs with it is accepted only as its own service token.
describe('a running service holds its own signing key, never the staff key', () => {
  let h: ServiceHarness;
  let env: Record<string, string>;
  const HOT_TOPICS = '/hot-topics?days=7&minSize=4&similarity=0.3';

  beforeAll(async () => {
    h = await ServiceHarness.create();
    const intake = await h.start('intake');
    // The environment the running process really has (not what the harness meant to give it).
    env = Object.fromEntries(
      readFileSync(`/proc/${intake.child.pid ?? 0}/environ`, 'utf8')
        .split('\0')
        .filter((entry) => entry.includes('='))
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('has its own key file, whose content is not the staff private key, and no path to the staff private key', () => {
    const own = env['SERVICE_SIGNING_KEY_FILE'] ?? '';
    expect(own).toBe(h.keys.servicePrivateKeyFile('intake'));
    expect(readFileSync(own, 'utf8')).not.toBe(readFileSync(h.keys.privateKeyFile, 'utf8'));
    expect(Object.entries(env).filter(([, value]) => value.includes(h.keys.privateKeyFile))).toEqual([]);
  });

  it('its key signs its own service token, which intake verifies and scopes: 403 SERVICE_NOT_ALLOWED on supervision’s /hot-topics, 200 for supervision’s', async () => {
    const key = {
      privateKeyPem: readFileSync(env['SERVICE_SIGNING_KEY_FILE'] ?? '', 'utf8'),
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
    };
    // Verified (not 401) as intake's own token, then refused: the route names supervision alone.
    const own = await http<{ code: string; message: { zh: string } }>('GET', `${h.url('intake')}${HOT_TOPICS}`, {
      token: await issueServiceToken('intake', key),
    });
    expect([own.status, own.body.code, own.body.message.zh]).toEqual([403, 'SERVICE_NOT_ALLOWED', '该服务无权调用此接口']);
    const res = await http<{ petitions: number; topics: unknown[] }>('GET', `${h.url('intake')}${HOT_TOPICS}`, {
      token: await h.keys.serviceToken('supervision'),
    });
    expect({ status: res.status, petitions: res.body.petitions, topics: res.body.topics }).toEqual({
      status: 200,
      petitions: 0,
      topics: [],
    });
  });

  it('its key cannot sign a staff token, nor another service’s token, that the service accepts: 401', async () => {
    const privateKeyPem = readFileSync(env['SERVICE_SIGNING_KEY_FILE'] ?? '', 'utf8');
    const key = await importPKCS8(privateKeyPem, TOKEN_ALGORITHM);
    const sign = (kid: string | undefined, payload: Record<string, unknown>) =>
      new SignJWT(payload)
        .setProtectedHeader(kid === undefined ? { alg: TOKEN_ALGORITHM } : { alg: TOKEN_ALGORITHM, kid })
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    const head = claims('countyBureau', ['head']);
    const refusals = [];
    for (const token of [
      // A county head, with the service's own kid, or with none (then verified with the staff key).
      await sign('service:intake', head),
      await sign(undefined, head),
      // Its own kid claiming routing; routing's kid (verified with routing's key).
      await sign('service:intake', { sub: 'service:routing', unit: 'service:routing', division: '000000000000', roles: ['service'] }),
      await sign('service:routing', { sub: 'service:routing', unit: 'service:routing', division: '000000000000', roles: ['service'] }),
      // The harness's staff-key path signed with the service's key: issueStaffToken has no kid.
      await issueStaffToken(head, { privateKeyPem, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    ]) {
      const res = await http<{ code: string; message: { zh: string } }>('GET', `${h.url('intake')}${HOT_TOPICS}`, { token });
      refusals.push([res.status, res.body.code, res.body.message.zh]);
    }
    expect(refusals).toEqual([
      [401, 'TOKEN_SERVICE_KEY_MISUSED', '服务密钥只能签发本服务自身的服务令牌，不能代表单位或人员，不予接受'],
      [401, 'TOKEN_INVALID', '访问令牌无效'],
      [401, 'TOKEN_SERVICE_KEY_MISUSED', '服务密钥只能签发本服务自身的服务令牌，不能代表单位或人员，不予接受'],
      [401, 'TOKEN_INVALID', '访问令牌无效'],
      [401, 'TOKEN_INVALID', '访问令牌无效'],
    ]);
  });

  it('a service handed the staff key as its signing key (the old native stack) refuses to start', async () => {
    const refused = await h.start('routing', { SERVICE_SIGNING_KEY_FILE: h.keys.privateKeyFile }).then(
      () => 'started',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(refused).toContain('routing exited while starting');
    expect(refused).toContain(
      'SERVICE_SIGNING_KEY_FILE: is the key that signs staff tokens; each service signs with its own key (AUTH_SERVICE_KEYS_DIR, docs/identity.md)',
    );
  });

  it('the staff key (tests and the dev token CLI only) still signs staff tokens the service verifies', async () => {
    // Verified, then refused by the route's own rule: this endpoint is for services only.
    const res = await http<{ code: string }>('GET', `${h.url('intake')}${HOT_TOPICS}`, {
      token: await h.keys.token(claims('countyBureau', ['head'])),
    });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'SERVICE_ONLY' });
  });
});

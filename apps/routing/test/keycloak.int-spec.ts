import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  DEMO_UNITS,
  eventually,
  http,
  KeycloakTestClient,
  keycloakVerifierEnv,
  otpCode,
  otpSecret,
  ServiceHarness,
  startKeycloak,
} from '@sunshine/testing';

// Identity (issue 18): Keycloak started by deploy/local/keycloak.sh with the committed realm; a demo staff member signs
// in with password and TOTP (direct grant of the development client), routing verifies the token through Keycloak's
// JWKS and answers for the token's unit; five wrong passwords lock the account. Nothing is skipped: if Keycloak cannot be
// installed or started, beforeAll fails with the script's reason. `npm run test:identity`.

const ROOT = join(__dirname, '..', '..', '..');
const REALM = 'sunshine';

interface RealmUser {
  id: string;
  username: string;
  [key: string]: unknown;
}

function realmUser(username: string): RealmUser {
  const realm = JSON.parse(readFileSync(join(ROOT, 'deploy', 'keycloak', 'sunshine-realm.json'), 'utf8')) as { users: RealmUser[] };
  const user = realm.users.find((u) => u.username === username);
  if (!user) throw new Error(`${username} is not in the committed realm`);
  return user;
}

describe('identity through Keycloak (realm sunshine)', () => {
  let env: Record<string, string> = {};
  let harness: ServiceHarness | undefined;
  let adminSignedIn = false;
  const t0 = Date.now();
  const secrets = new Map<string, string>();

  let keycloak = new KeycloakTestClient({});

  /** Gives a demo user the development password and a TOTP secret, as if they had enrolled (admin partial import). */
  async function enrol(username: string): Promise<string> {
    const secret = otpSecret();
    const user = {
      ...realmUser(username),
      requiredActions: [],
      credentials: [
        { type: 'password', value: env['KEYCLOAK_DEMO_PASSWORD'], temporary: false },
        {
          type: 'otp',
          userLabel: 'integration test',
          secretData: JSON.stringify({ value: secret }),
          credentialData: JSON.stringify({ subType: 'totp', digits: 6, counter: 0, period: 30, algorithm: 'HmacSHA1' }),
        },
      ],
    };
    const res = await keycloak.admin<{ overwritten: number }>('POST', '/partialImport', { ifResourceExists: 'OVERWRITE', users: [user] });
    expect([res.status, res.body.overwritten]).toEqual([200, 1]);
    secrets.set(username, secret);
    return secret;
  }

  beforeAll(async () => {
    env = startKeycloak();
    keycloak = new KeycloakTestClient(env, REALM);
    adminSignedIn = (await keycloak.adminToken()) !== '';
    expect(adminSignedIn).toBe(true);
    harness = await ServiceHarness.create({
      ...keycloakVerifierEnv(env),
    });
    await harness.start('routing');
    await harness.runCli('apps/routing/src/seed/seed.js', ['--fixture', 'demo']);
  }, 400000);

  afterAll(async () => {
    if (adminSignedIn) await keycloak.admin('DELETE', '/attack-detection/brute-force/users/demo-dongtun-clerk');
    await harness?.stopAll();
    console.info(`identity suite: ${((Date.now() - t0) / 1000).toFixed(1)} s including Keycloak start`);
  });

  it('signs a county clerk in with password and TOTP; routing verifies the token by JWKS and serves the unit', async () => {
    const secret = await enrol('county-bureau-clerk');
    const withoutOtp = await keycloak.passwordGrant('county-bureau-clerk', env['KEYCLOAK_DEMO_PASSWORD'] ?? '', '');
    expect(withoutOtp.status).toBe(401);
    const signedIn = await keycloak.passwordGrant('county-bureau-clerk', env['KEYCLOAK_DEMO_PASSWORD'] ?? '', otpCode(secret));
    expect([signedIn.status, signedIn.error_description]).toEqual([200, undefined]);
    const token = signedIn.access_token ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      sub: 'demo-county-bureau-clerk',
      unit: '410726000000:petition-bureau',
      division: '410726000000',
      roles: ['clerk'],
      aud: 'sunshine',
      iss: 'http://127.0.0.1:8180/realms/sunshine',
    });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(900);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({ alg: 'ES256' });

    const routing = harness?.url('routing') ?? '';
    const unit = await http<{ id: string; name: string }>('GET', `${routing}/org/units/${DEMO_UNITS.countyBureau}`, { token });
    expect([unit.status, unit.body.id, unit.body.name]).toEqual([200, '410726000000:petition-bureau', '延津县信访局']);
    const forged = await http<{ code: string }>('GET', `${routing}/org/units/${DEMO_UNITS.countyBureau}`, {
      token: `${token.slice(0, -4)}AAAA`,
    });
    expect([forged.status, forged.body.code]).toEqual([401, 'TOKEN_INVALID']);
  });

  it('gives each service its own client credentials: a token with role service, unit service:<name>, 15 minutes, scoped to its own calls', async () => {
    const [client] = (await keycloak.admin<Array<{ id: string }>>('GET', '/clients?clientId=sunshine-routing')).body;
    const secret = (await keycloak.admin<{ value: string }>('GET', `/clients/${client?.id ?? ''}/client-secret`)).body.value;
    const token =
      (await keycloak.token(REALM, { grant_type: 'client_credentials', client_id: 'sunshine-routing', client_secret: secret }))
        .access_token ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    // aud also names realm-management: routing's client alone may read Keycloak's events (view-events, for the audit trail).
    expect(claims).toMatchObject({
      azp: 'sunshine-routing',
      aud: ['sunshine', 'realm-management'],
      unit: 'service:routing',
      division: '000000000000',
      roles: ['service'],
    });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(900);
    // Verified by JWKS as routing's own token (unit service:routing), then scoped: the reply is intake's to read, not routing's.
    const reply = await http<{ code: string }>('GET', `${harness?.url('routing') ?? ''}/cases/${randomUUID()}/reply`, { token });
    expect([reply.status, reply.body.code]).toEqual([403, 'SERVICE_NOT_ALLOWED']);
    const wrong = await keycloak.token(REALM, {
      grant_type: 'client_credentials',
      client_id: 'sunshine-routing',
      client_secret: `${secret}x`,
    });
    expect([wrong.status, wrong.error]).toEqual([401, 'unauthorized_client']);
  });

  it('locks the account after five wrong passwords: the sixth attempt, correct, is refused', async () => {
    const secret = await enrol('dongtun-clerk');
    const password = env['KEYCLOAK_DEMO_PASSWORD'] ?? '';
    expect((await keycloak.passwordGrant('dongtun-clerk', password, otpCode(secret))).status).toBe(200);
    for (let i = 1; i <= 5; i += 1) {
      const wrong = await keycloak.passwordGrant('dongtun-clerk', `${password}-wrong-${i}`, otpCode(secret, 1));
      expect([wrong.status, wrong.error]).toEqual([401, 'invalid_grant']);
      await new Promise((r) => setTimeout(r, 1200)); // slower than the quick-login check (1 s): only the count locks
    }
    const status = await eventually(
      async () => {
        const s = await keycloak.admin<{ disabled: boolean; numFailures: number }>(
          'GET',
          '/attack-detection/brute-force/users/demo-dongtun-clerk',
        );
        return s.body.disabled ? s.body : undefined;
      },
      15000,
      'the lock-out',
    );
    expect(status).toMatchObject({ disabled: true, numFailures: 5 });
    const sixth = await keycloak.passwordGrant('dongtun-clerk', password, otpCode(secret, 1));
    expect([sixth.status, sixth.error, sixth.access_token]).toEqual([401, 'invalid_grant', undefined]);
    // Keycloak tells the caller no more than "invalid credentials"; its event log names the reason.
    const events = await keycloak.admin<Array<{ error?: string }>>('GET', '/events?type=LOGIN_ERROR&user=demo-dongtun-clerk&max=1');
    expect(events.body[0]?.error).toBe('user_temporarily_disabled');
  });
});

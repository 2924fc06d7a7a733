import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadPlatformConfig, ServiceTokenProvider } from '@sunshine/platform';
import { DEMO_UNITS, eventually, freePort, http, keycloakVerifierEnv, ServiceHarness, startKeycloak } from '@sunshine/testing';
import { totp } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';

// Identity (issue 18), the console and the services through Keycloak: a real Keycloak (deploy/local/keycloak.sh, the
// committed realm), routing and intake verifying its tokens by JWKS, nginx serving the console built in
// dist/apps/console with /console-config.json naming Keycloak, and Debian's chromium. A county clerk signs in on
// Keycloak's own login page (password, then TOTP) and lands in the unit inbox; the token is renewed before it expires;
// signing out ends the Keycloak session. A service's call is authorised by a client-credentials token that carries
// role `service` and nothing more. `npm run test:identity`.

const ROOT = join(__dirname, '..');
const NGINX = join(ROOT, 'deploy', 'local', 'nginx', 'nginx.sh');
const CHROMIUM = '/usr/bin/chromium';
const REALM = 'sunshine';
const CONSOLE_CLIENT = 'sunshine-console';

interface ClientRep {
  id: string;
  clientId: string;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
  [key: string]: unknown;
}

/** The page's globals this test reads (the spec compiles without the DOM library). */
interface InPage {
  sessionStorage: { getItem(key: string): string | null };
}

/** The console's session token in the tab (session.ts keeps it in sessionStorage). */
const sessionToken = (page: Page): Promise<string | null> =>
  page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.getItem('sunshine.session'));

/** oidc-client-ts' stored users in the tab (their access and refresh tokens). */
const oidcUsers = (page: Page): Promise<string[]> =>
  page.evaluate(() => Object.keys((globalThis as unknown as InPage).sessionStorage).filter((k) => k.startsWith('oidc.user:')));

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Keycloak keeps the OTP secret as the raw text and uses its bytes as the HMAC key (otplib's ascii encoding). */
const otpSecret = (): string =>
  randomBytes(15)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 20);

describe('the console and the services through Keycloak (realm sunshine)', () => {
  let env: Record<string, string> = {};
  let harness: ServiceHarness | undefined;
  let browser: Browser | undefined;
  let nginxDir = '';
  let origin = '';
  let consoleClient: ClientRep | undefined;
  const t0 = Date.now();

  const kc = (path: string): string => `${env['KEYCLOAK_URL']}${path}`;
  /** The master realm's admin token lives a minute: a new one for each call. */
  async function adminSignIn(): Promise<string> {
    const res = await fetch(kc('/realms/master/protocol/openid-connect/token'), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: env['KEYCLOAK_ADMIN_USERNAME'] ?? '',
        password: env['KEYCLOAK_ADMIN_PASSWORD'] ?? '',
      }),
    });
    return ((await res.json()) as { access_token?: string }).access_token ?? '';
  }
  const admin = async <T>(method: string, path: string, body?: unknown) =>
    http<T>(method, kc(`/admin/realms/${REALM}${path}`), { token: await adminSignIn(), body });
  const nginx = (command: 'start' | 'stop', extra: Record<string, string> = {}): void => {
    execFileSync('bash', [NGINX, command], { env: { ...process.env, NGINX_DIR: nginxDir, ...extra }, stdio: 'inherit' });
  };

  /** The demo user with the development password and a TOTP secret, as if they had enrolled (admin partial import). */
  async function enrol(username: string): Promise<string> {
    const realm = JSON.parse(readFileSync(join(ROOT, 'deploy', 'keycloak', 'sunshine-realm.json'), 'utf8')) as {
      users: Array<{ username: string }>;
    };
    const user = realm.users.find((u) => u.username === username);
    const secret = otpSecret();
    const res = await admin<{ overwritten: number }>('POST', '/partialImport', {
      ifResourceExists: 'OVERWRITE',
      users: [
        {
          ...user,
          requiredActions: [],
          credentials: [
            { type: 'password', value: env['KEYCLOAK_DEMO_PASSWORD'], temporary: false },
            {
              type: 'otp',
              userLabel: 'identity test',
              secretData: JSON.stringify({ value: secret }),
              credentialData: JSON.stringify({ subType: 'totp', digits: 6, counter: 0, period: 30, algorithm: 'HmacSHA1' }),
            },
          ],
        },
      ],
    });
    expect([res.status, res.body.overwritten]).toEqual([200, 1]);
    return secret;
  }

  /** From the console's inbox through Keycloak's own login page (password, then TOTP) back to the console. */
  async function signInOnKeycloak(page: Page, username: string, secret: string): Promise<void> {
    await page.goto(`${origin}/inbox`);
    await page.waitForURL('**/sign-in?next=%2Finbox');
    await page.getByTestId('sign-in-oidc').click();
    // Keycloak's own pages: the console never sees the password or the code.
    await page.waitForURL(`${env['KEYCLOAK_URL']}/realms/${REALM}/protocol/openid-connect/auth?**`);
    const authorize = new URL(page.url());
    expect([
      authorize.searchParams.get('client_id'),
      authorize.searchParams.get('response_type'),
      authorize.searchParams.get('code_challenge_method'),
      authorize.searchParams.get('redirect_uri'),
    ]).toEqual([CONSOLE_CLIENT, 'code', 'S256', `${origin}/sign-in`]);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(env['KEYCLOAK_DEMO_PASSWORD'] ?? '');
    await page.locator('#kc-login').click();
    await page.locator('#otp').fill(totp.clone({ epoch: Date.now() }).generate(secret));
    await page.locator('#kc-login').click();
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/apps/console/index.html')))
      throw new Error('dist/apps/console is missing: bash apps/console/build.sh');
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: bash deploy/local/chromium.sh`);
    env = startKeycloak();
    expect(await adminSignIn()).not.toBe('');

    // The services trust Keycloak only (JWKS), and call each other with its client-credentials tokens.
    harness = await ServiceHarness.create({
      ...keycloakVerifierEnv(env),
      AUTH_TOKEN_URL: env['AUTH_TOKEN_URL'] ?? '',
      SERVICE_CLIENT_SECRET_FILE_INTAKE: env['SERVICE_CLIENT_SECRET_FILE_INTAKE'] ?? '',
      SERVICE_CLIENT_SECRET_FILE_ROUTING: env['SERVICE_CLIENT_SECRET_FILE_ROUTING'] ?? '',
    });
    await harness.startAll(['routing', 'intake']);
    await harness.runCli('apps/routing/src/seed/seed.js', ['--fixture', 'demo']);

    // nginx on a port of this run: the console client gets this origin's exact sign-in URI for the test's duration.
    nginxDir = mkdtempSync(join(tmpdir(), 'sunshine-nginx-identity-'));
    const listen = `127.0.0.1:${await freePort()}`;
    origin = `http://${listen}`;
    nginx('start', {
      NGINX_LISTEN: listen,
      INTAKE_URL: harness.url('intake'),
      ROUTING_URL: harness.url('routing'),
      SUPERVISION_URL: 'http://127.0.0.1:9',
      NOTIFICATION_URL: 'http://127.0.0.1:9',
      EVALUATION_URL: 'http://127.0.0.1:9',
      DEV_SIGN_IN_URL: '',
      CONSOLE_OIDC_AUTHORITY: env['CONSOLE_OIDC_AUTHORITY'] ?? '',
      CONSOLE_OIDC_CLIENT_ID: CONSOLE_CLIENT,
    });
    const [found] = (await admin<ClientRep[]>('GET', `/clients?clientId=${CONSOLE_CLIENT}`)).body;
    consoleClient = found;
    if (!found) throw new Error(`${CONSOLE_CLIENT} is not in the realm`);
    const put = await admin('PUT', `/clients/${found.id}`, {
      ...found,
      redirectUris: [...found.redirectUris, `${origin}/sign-in`],
      webOrigins: [...found.webOrigins, origin],
      attributes: {
        ...found.attributes,
        'post.logout.redirect.uris': `${found.attributes['post.logout.redirect.uris']}##${origin}/sign-in`,
      },
    });
    expect(put.status).toBe(204);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 900000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (consoleClient) await admin('PUT', `/clients/${consoleClient.id}`, consoleClient);
    if (nginxDir) nginx('stop');
    await harness?.stopAll();
    console.info(`identity console suite: ${((Date.now() - t0) / 1000).toFixed(1)} s including Keycloak start`);
  });

  it('serves the console its identity provider, and the realm refuses any other redirect URI', async () => {
    const config = await http<unknown>('GET', `${origin}/console-config.json`);
    expect(config.body).toEqual({ oidc: { authority: 'http://127.0.0.1:8180/realms/sunshine', clientId: 'sunshine-console' } });
    const elsewhere = await fetch(
      kc(
        `/realms/${REALM}/protocol/openid-connect/auth?${new URLSearchParams({
          client_id: CONSOLE_CLIENT,
          response_type: 'code',
          scope: 'openid',
          redirect_uri: `${origin}/sign-in-elsewhere`,
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
          state: 'x',
        }).toString()}`,
      ),
      { redirect: 'manual' },
    );
    // Keycloak's error page (zh-CN, the realm's default locale), no redirect with a code.
    expect([elsewhere.status, elsewhere.headers.get('location'), (await elsewhere.text()).includes('无效的参数 : redirect_uri')]).toEqual([
      400,
      null,
      true,
    ]);
  });

  it('signs a county clerk in on Keycloak’s login page (password, TOTP) into the inbox; renews; signs out', async () => {
    const secret = await enrol('county-bureau-clerk');
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    context.setDefaultTimeout(90000);
    const page: Page = await context.newPage();
    await page.clock.install();

    await signInOnKeycloak(page, 'county-bureau-clerk', secret);
    await page.waitForURL(`${origin}/inbox`);
    await page.getByTestId('inbox-table').waitFor();
    await page.getByTestId('signed-in-unit').getByText('延津县信访局', { exact: true }).waitFor();
    const first = (await sessionToken(page)) ?? '';
    expect(claimsOf(first)).toMatchObject({
      iss: 'http://127.0.0.1:8180/realms/sunshine',
      azp: 'sunshine-console',
      aud: 'sunshine',
      sub: 'demo-county-bureau-clerk',
      unit: DEMO_UNITS.countyBureau,
      division: '410726000000',
      roles: ['clerk'],
    });
    // routing answered the inbox with this token (through nginx), as the table shows.
    const inbox = await http<unknown>('GET', `${origin}/api/routing/org/units/${DEMO_UNITS.countyBureau}`, { token: first });
    expect(inbox.status).toBe(200);

    // 14 minutes on (the token lives 15): the console renews it with the refresh token and the clerk stays.
    await page.clock.fastForward('14:00');
    await page.waitForFunction((old) => {
      const now = (globalThis as unknown as InPage).sessionStorage.getItem('sunshine.session');
      return now !== null && now !== old;
    }, first);
    const renewed = (await sessionToken(page)) ?? '';
    expect(claimsOf(renewed)).toMatchObject({ sub: 'demo-county-bureau-clerk', roles: ['clerk'], azp: 'sunshine-console' });
    expect(new URL(page.url()).pathname).toBe('/inbox');

    // Sign-out ends Keycloak's session too: back on the sign-in page, signing in asks for the password again.
    const loggedOut = page.waitForRequest((r) => r.url().startsWith(kc(`/realms/${REALM}/protocol/openid-connect/logout?`)));
    const back = page.waitForResponse((r) => r.url() === `${origin}/sign-in` && r.request().isNavigationRequest());
    await page.locator('header button', { hasText: /退\s?出/ }).click();
    const logout = new URL((await loggedOut).url());
    expect([logout.searchParams.get('post_logout_redirect_uri'), logout.searchParams.has('id_token_hint')]).toEqual([
      `${origin}/sign-in`,
      true,
    ]);
    await back.catch(async (error: unknown) => {
      mkdirSync(join(ROOT, 'tmp', 'screenshots'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'tmp', 'screenshots', 'identity-sign-out.png') });
      throw error;
    });
    await page.getByTestId('sign-in-oidc').waitFor();
    expect(await sessionToken(page)).toBeNull();
    // Nor is oidc-client-ts' user (its access and refresh tokens) left in the tab, even from a renewal that answered late.
    expect(await oidcUsers(page)).toEqual([]);
    const sessions = await eventually(
      async () => {
        const s = await admin<unknown[]>('GET', '/users/demo-county-bureau-clerk/sessions');
        return s.body.length === 0 ? s.body : undefined;
      },
      15000,
      'the Keycloak session ended',
    );
    expect(sessions).toEqual([]);
    await page.getByTestId('sign-in-oidc').click();
    await page.locator('#username').waitFor();
    await context.close();
  });

  it('ends an idle session: past the realm’s idle timeout renewal is refused, and at exp the console returns to sign-in', async () => {
    // The realm keeps a session 30 minutes without activity (tools/keycloak-realm.spec.ts); here 20 s, restored after.
    const kept = (await admin<{ ssoSessionIdleTimeout: number }>('GET', '')).body.ssoSessionIdleTimeout;
    expect(kept).toBe(1800);
    expect((await admin('PUT', '', { realm: REALM, ssoSessionIdleTimeout: 20 })).status).toBe(204);
    const secret = await enrol('dongtun-clerk');
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    context.setDefaultTimeout(90000);
    try {
      const page: Page = await context.newPage();
      await page.clock.install();
      await signInOnKeycloak(page, 'dongtun-clerk', secret);
      await page.waitForURL(`${origin}/inbox`);
      await page.getByTestId('inbox-table').waitFor();
      // The refresh token lives as long as the idle timeout: Keycloak ends the session 20 s after its last use.
      const refresh = await page.evaluate(() => {
        const store = (globalThis as unknown as InPage).sessionStorage;
        const key = Object.keys(store).find((k) => k.startsWith('oidc.user:'));
        return key ? ((JSON.parse(store.getItem(key) ?? '{}') as { refresh_token?: string }).refresh_token ?? '') : '';
      });
      const claims = claimsOf(refresh);
      expect(Number(claims['exp']) - Number(claims['iat'])).toBe(20);
      // Nobody touches the console until that instant has passed (real time: the idle clock runs in Keycloak).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(claims['exp']) * 1000 - Date.now()) + 3000));
      const before = (await sessionToken(page)) ?? '';
      // 14 minutes on in the tab: the console tries to renew and Keycloak refuses; at the token's exp it signs out.
      const refused = page.waitForResponse((r) => r.url() === kc(`/realms/${REALM}/protocol/openid-connect/token`) && r.status() === 400);
      await page.clock.fastForward('14:00');
      const answer = (await (await refused).json()) as { error?: string };
      expect(answer.error).toBe('invalid_grant');
      expect(await sessionToken(page)).toBe(before);
      await page.clock.fastForward('01:05');
      await page.waitForURL(`${origin}/sign-in?expired=expired&next=%2Finbox`);
      await page.getByTestId('sign-in-oidc').waitFor();
      expect(await sessionToken(page)).toBeNull();
      // Nor is oidc-client-ts' user (its refresh token) left in the tab: the session's end removed it, as sign-out does.
      expect(await oidcUsers(page)).toEqual([]);
    } finally {
      await context.close();
      expect((await admin('PUT', '', { realm: REALM, ssoSessionIdleTimeout: kept })).status).toBe(204);
    }
  });

  it('signs out of the console when Keycloak cannot be reached, and says that its session may still be open', async () => {
    const secret = await enrol('hrss-clerk');
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    context.setDefaultTimeout(90000);
    try {
      const page: Page = await context.newPage();
      await signInOnKeycloak(page, 'hrss-clerk', secret);
      await page.waitForURL(`${origin}/inbox`);
      await page.getByTestId('inbox-table').waitFor();
      // From now on the browser cannot reach Keycloak (down, or the network to it).
      await context.route(`${env['KEYCLOAK_URL']}/**`, (route) => route.abort('connectionrefused'));
      await page.locator('header button', { hasText: /退\s?出/ }).click();
      await page.waitForURL(`${origin}/sign-in?signed-out=provider-unreachable`);
      await page.getByTestId('provider-not-signed-out').getByText('已退出本系统，但无法连接统一身份认证。').waitFor();
      expect([await sessionToken(page), await oidcUsers(page)]).toEqual([null, []]);
      // What the page says is so: Keycloak still holds the clerk's session.
      expect((await admin<unknown[]>('GET', '/users/demo-hrss-clerk/sessions')).body.length).toBe(1);
    } finally {
      await context.close();
      await admin('POST', '/users/demo-hrss-clerk/logout');
    }
  });

  it('authorises a service call with a client-credentials token: role service only, even if more were granted', async () => {
    const intakeConfig = loadPlatformConfig('intake', {
      ...process.env,
      DATABASE_URL: process.env['DATABASE_URL'] ?? 'postgres://unused',
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
      REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      AUTH_JWKS_URL: env['AUTH_JWKS_URL'],
      AUTH_ISSUER: env['AUTH_ISSUER'],
      AUTH_TOKEN_URL: env['AUTH_TOKEN_URL'],
      SERVICE_CLIENT_SECRET_FILE_INTAKE: env['SERVICE_CLIENT_SECRET_FILE_INTAKE'],
    });
    const tokens = new ServiceTokenProvider(intakeConfig);
    expect(tokens.source).toBe('client-credentials');
    const token = await tokens.token();
    expect(await tokens.token()).toBe(token); // one cache: no second request while the token is fresh
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      iss: 'http://127.0.0.1:8180/realms/sunshine',
      azp: 'sunshine-intake',
      aud: 'sunshine',
      unit: 'service:intake',
      division: '000000000000',
      roles: ['service'],
    });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(900);

    // routing lets it through where service tokens are allowed (the reply of a case: none for this id, so 404) …
    const routing = harness?.url('routing') ?? '';
    const reply = await http<{ code: string }>('GET', `${routing}/cases/${randomUUID()}/reply`, { token });
    expect([reply.status, reply.body.code]).toEqual([404, 'REPLY_NOT_FOUND']);
    // … and nowhere else.
    const unit = await http<{ code: string }>('GET', `${routing}/org/units/${DEMO_UNITS.countyBureau}`, { token });
    expect([unit.status, unit.body.code]).toEqual([403, 'STAFF_ONLY']);

    // Give intake's service account a staff role and admin rights in Keycloak: its tokens still carry `service` alone
    // (the realm scopes each service client to that role), so no service can make itself a unit's head.
    const [client] = (await admin<Array<{ id: string }>>('GET', '/clients?clientId=sunshine-intake')).body;
    const account = (await admin<{ id: string }>('GET', `/clients/${client?.id ?? ''}/service-account-user`)).body;
    const [roles] = (await admin<Array<{ id: string }>>('GET', '/clients?clientId=sunshine')).body;
    const head = (await admin<{ id: string; name: string }>('GET', `/clients/${roles?.id ?? ''}/roles/head`)).body;
    const mapping = `/users/${account.id}/role-mappings/clients/${roles?.id ?? ''}`;
    expect((await admin('POST', mapping, [head])).status).toBe(204);
    try {
      const fresh = await new ServiceTokenProvider(intakeConfig).token();
      expect(claimsOf(fresh)).toMatchObject({ azp: 'sunshine-intake', roles: ['service'] });
    } finally {
      expect((await admin('DELETE', mapping, [head])).status).toBe(204);
    }
  });
});

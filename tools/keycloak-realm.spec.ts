import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sunshineRealm } from './keycloak-realm';

describe('the committed Keycloak realm (deploy/keycloak/sunshine-realm.json)', () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '..', 'deploy', 'keycloak', 'sunshine-realm.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('is what tools/keycloak-realm.ts generates (npm run -s keycloak-realm)', () => {
    expect(committed).toEqual(sunshineRealm());
  });

  it('has a production variant (Kubernetes) without the demo staff and without the password-grant client', () => {
    const production = JSON.parse(
      readFileSync(join(__dirname, '..', 'deploy', 'keycloak', 'sunshine-realm.production.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(production).toEqual(sunshineRealm('production'));
    const clients = production['clients'] as Array<Record<string, unknown>>;
    expect(clients.map((c) => c['clientId'])).toEqual([
      'sunshine',
      'sunshine-console',
      'sunshine-intake',
      'sunshine-routing',
      'sunshine-supervision',
      'sunshine-notification',
      'sunshine-evaluation',
    ]);
    expect(clients.filter((c) => c['directAccessGrantsEnabled'])).toEqual([]);
    const users = production['users'] as Array<Record<string, unknown>>;
    expect(users.map((u) => u['username'])).toEqual([
      'service-account-sunshine-intake',
      'service-account-sunshine-routing',
      'service-account-sunshine-supervision',
      'service-account-sunshine-notification',
      'service-account-sunshine-evaluation',
    ]);
    expect(JSON.stringify(production)).not.toContain('sunshine-dev-cli');
    // The controls are the same in both.
    expect(production).toMatchObject({ accessTokenLifespan: 900, ssoSessionIdleTimeout: 1800, failureFactor: 5 });
  });

  it('holds the controls of issue 18: 15-minute tokens, 30-minute idle sessions, lock-out after 5, the password policy', () => {
    expect(committed).toMatchObject({
      realm: 'sunshine',
      accessTokenLifespan: 900,
      ssoSessionIdleTimeout: 1800,
      bruteForceProtected: true,
      failureFactor: 5,
      defaultSignatureAlgorithm: 'ES256',
      otpPolicyType: 'totp',
      otpPolicyDigits: 6,
      otpPolicyPeriod: 30,
    });
    expect(committed['passwordPolicy']).toContain('length(12)');
    expect(committed['passwordPolicy']).toContain('passwordHistory(5)');
    expect(committed['passwordPolicy']).toContain('forceExpiredPasswordChange(90)');
  });

  it('keeps login and admin events 7 days, the window routing’s importer keeps their ids for (plus a day)', () => {
    expect([committed['eventsExpiration'], (committed['attributes'] as Record<string, unknown>)['adminEventsExpiration']]).toEqual([
      604800,
      '604800',
    ]);
  });

  it('lists the 17 demo staff with their unit, division and roles, TOTP required, and no credential', () => {
    const users = committed['users'] as Array<Record<string, unknown>>;
    const staff = users.filter((u) => !u['serviceAccountClientId']);
    expect(staff).toHaveLength(17);
    expect(staff.find((u) => u['username'] === 'city-bureau-head')).toMatchObject({
      id: 'demo-city-bureau-head',
      attributes: { unit: ['410700000000:petition-bureau'], division: ['410700000000'] },
      clientRoles: { sunshine: ['head', 'leader'] },
      requiredActions: ['CONFIGURE_TOTP'],
    });
    expect(users.some((u) => 'credentials' in u)).toBe(false);
  });

  it('gives the console a public client with PKCE and exact redirect URIs, and no client a role it should not carry', () => {
    const clients = committed['clients'] as Array<Record<string, unknown>>;
    expect(clients.find((c) => c['clientId'] === 'sunshine-console')).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      redirectUris: ['http://127.0.0.1:8080/sign-in'],
      webOrigins: ['http://127.0.0.1:8080'],
      attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': 'http://127.0.0.1:8080/sign-in' },
      fullScopeAllowed: false,
    });
    expect(
      clients.filter((c) => c['serviceAccountsEnabled']).map((c) => [c['clientId'], c['fullScopeAllowed'], c['publicClient']]),
    ).toEqual([
      ['sunshine-intake', false, false],
      ['sunshine-routing', false, false],
      ['sunshine-supervision', false, false],
      ['sunshine-notification', false, false],
      ['sunshine-evaluation', false, false],
    ]);
    const scopes = (committed['clientScopeMappings'] as Record<string, Array<{ client: string; roles: string[] }>>)['sunshine'] ?? [];
    const staffRoles = [
      'clerk',
      'handler',
      'head',
      'dispatcher',
      'supervisor',
      'leader',
      'admin',
      'sysadmin',
      'ops',
      'security-admin',
      'audit-admin',
    ];
    expect(scopes).toEqual([
      { client: 'sunshine-console', roles: staffRoles },
      { client: 'sunshine-dev-cli', roles: staffRoles },
      { client: 'sunshine-intake', roles: ['service'] },
      { client: 'sunshine-routing', roles: ['service'] },
      { client: 'sunshine-supervision', roles: ['service'] },
      { client: 'sunshine-notification', roles: ['service'] },
      { client: 'sunshine-evaluation', roles: ['service'] },
    ]);
  });

  it('stores sign-in and admin events for the audit trail, readable by routing alone (view-events, in its tokens only)', () => {
    expect(committed).toMatchObject({
      eventsEnabled: true,
      eventsExpiration: 604800,
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: true,
    });
    expect(committed['enabledEventTypes']).toEqual(
      expect.arrayContaining([
        'LOGIN',
        'LOGIN_ERROR',
        'LOGOUT',
        'LOGOUT_ERROR',
        'CODE_TO_TOKEN_ERROR',
        'REFRESH_TOKEN_ERROR',
        'UPDATE_PASSWORD',
        'UPDATE_TOTP',
        'UPDATE_CREDENTIAL',
        'REMOVE_TOTP',
        'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
      ]),
    );
    const users = committed['users'] as Array<{ username: string; clientRoles?: Record<string, string[]> }>;
    expect(users.filter((u) => u.clientRoles?.['realm-management']).map((u) => [u.username, u.clientRoles?.['realm-management']])).toEqual([
      ['service-account-sunshine-routing', ['view-events']],
    ]);
    expect((committed['clientScopeMappings'] as Record<string, unknown>)['realm-management']).toEqual([
      { client: 'sunshine-routing', roles: ['view-events'] },
    ]);
    const production = sunshineRealm('production');
    expect(production).toMatchObject({ eventsEnabled: true, eventsExpiration: 604800, adminEventsEnabled: true });
    expect((production['clientScopeMappings'] as Record<string, unknown>)['realm-management']).toEqual([
      { client: 'sunshine-routing', roles: ['view-events'] },
    ]);
  });
});

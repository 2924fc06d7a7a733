/**
 * Generates deploy/keycloak/sunshine-realm.json, the committed Keycloak realm `sunshine`, from the demo city's staff
 * (tools/dev-staff.ts) and the platform's roles (StaffRoles): `npm run -s keycloak-realm`. No password is written here:
 * deploy/local/keycloak.sh gives the demo users a development password generated at install. See docs/security.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { KEYCLOAK_EVENTS_EXPIRATION_S, StaffRoles } from '@sunshine/platform';

import { DEMO_STAFF } from './dev-staff';

/** The client whose client roles are the platform's roles (the `roles` claim) and whose id is the tokens' audience. */
export const ROLES_CLIENT = 'sunshine';
export const CONSOLE_CLIENT = 'sunshine-console';
/** Development and tests only (direct password grant): disable in production. */
export const DEV_CLI_CLIENT = 'sunshine-dev-cli';
export const SERVICES = ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const;
/** Where the console is served (npm run up's nginx): its exact sign-in return and sign-out landing, nothing wider. */
export const CONSOLE_ORIGINS = ['http://127.0.0.1:8080'] as const;
/** The console's one redirect path: the sign-in page finishes the authorization code flow and is where sign-out lands. */
export const CONSOLE_REDIRECT_PATH = '/sign-in';
/** The roles a staff member's token may carry: every platform role but `service`, which only the services' clients get. */
export const STAFF_TOKEN_ROLES = StaffRoles.filter((r) => r !== 'service');
/** 15 minutes: the production maximum token age (PRODUCTION_MAX_TOKEN_LIFETIME_S). */
export const ACCESS_TOKEN_LIFESPAN_S = 900;
/**
 * The service that imports Keycloak's events into its audit trail (libs/platform KeycloakEventsImporter): routing, which
 * holds the staff directory (subject → unit, roles) and calls no other service, so the `view-events` its tokens carry
 * reaches Keycloak only. Its client alone is given realm-management's `view-events`.
 */
export const EVENTS_READER = 'routing';
/**
 * What Keycloak stores as login events (GET /admin/realms/sunshine/events), the importer's input: sign-ins and their
 * failures, sign-outs, token exchanges that failed, credentials set or removed, lock-outs. Successful token renewals
 * (REFRESH_TOKEN, CODE_TO_TOKEN, CLIENT_LOGIN) are left out: every session renews each 15 minutes and says nothing new.
 */
export const ENABLED_EVENT_TYPES = [
  'LOGIN',
  'LOGIN_ERROR',
  'LOGOUT',
  'LOGOUT_ERROR',
  'CODE_TO_TOKEN_ERROR',
  'REFRESH_TOKEN_ERROR',
  'CLIENT_LOGIN_ERROR',
  'UPDATE_PASSWORD',
  'UPDATE_PASSWORD_ERROR',
  'UPDATE_TOTP',
  'UPDATE_TOTP_ERROR',
  'REMOVE_TOTP',
  'UPDATE_CREDENTIAL',
  'UPDATE_CREDENTIAL_ERROR',
  'REMOVE_CREDENTIAL',
  'RESET_PASSWORD',
  'RESET_PASSWORD_ERROR',
  'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
  'USER_DISABLED_BY_PERMANENT_LOCKOUT',
  'IMPERSONATE',
  'DELETE_ACCOUNT',
] as const;
export const PASSWORD_POLICY =
  'length(12) and upperCase(1) and lowerCase(1) and digits(1) and specialChars(1) and passwordHistory(5) and forceExpiredPasswordChange(90) and notUsername(undefined)';

type Json = Record<string, unknown>;

/** Where a mapper's claim goes (Keycloak's config keys end in `.claim`). */
const TOKEN_CLAIM = {
  'access.token.claim': 'true',
  'id.token.claim': 'true',
  'userinfo.token.claim': 'true',
  'introspection.token.claim': 'true',
} as const;

const ADMIN_ONLY = { view: ['admin', 'user'], edit: ['admin'] };
const PERSON_NAME = { length: { max: 255 }, 'person-name-prohibited-characters': {} };

/** Keycloak's declarative user profile: the defaults plus `unit` and `division`, which only administrators edit. */
function userProfile(): Json {
  return {
    attributes: [
      {
        name: 'username',
        displayName: '${username}',
        validations: { length: { min: 3, max: 255 }, 'username-prohibited-characters': {}, 'up-username-not-idn-homograph': {} },
        permissions: { view: ['admin', 'user'], edit: ['admin'] },
        multivalued: false,
      },
      {
        name: 'email',
        displayName: '${email}',
        validations: { email: {}, length: { max: 255 } },
        required: { roles: ['user'] },
        permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
        multivalued: false,
      },
      {
        name: 'firstName',
        displayName: '${firstName}',
        validations: PERSON_NAME,
        required: { roles: ['user'] },
        permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
        multivalued: false,
      },
      {
        name: 'lastName',
        displayName: '${lastName}',
        validations: PERSON_NAME,
        required: { roles: ['user'] },
        permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
        multivalued: false,
      },
      { name: 'unit', displayName: '单位 Unit', validations: { length: { min: 1, max: 64 } }, permissions: ADMIN_ONLY, multivalued: false },
      {
        name: 'division',
        displayName: '区划代码 Division',
        validations: { pattern: { pattern: '^\\d{12}$', 'error-message': 'division: 12 digits' } },
        permissions: ADMIN_ONLY,
        multivalued: false,
      },
    ],
    groups: [{ name: 'user-metadata', displayHeader: 'User metadata', displayDescription: 'Attributes, which refer to user metadata' }],
  };
}

function userAttributeMapper(claim: string): Json {
  return {
    name: claim,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-attribute-mapper',
    config: {
      'user.attribute': claim,
      'claim.name': claim,
      'jsonType.label': 'String',
      ...TOKEN_CLAIM,
    },
  };
}

/** unit, division, roles (the platform's roles only) and the `sunshine` audience, as staff-claims.ts expects. */
function staffMappers(): Json[] {
  return [
    userAttributeMapper('unit'),
    userAttributeMapper('division'),
    {
      name: 'roles',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-usermodel-client-role-mapper',
      config: {
        'usermodel.clientRoleMapping.clientId': ROLES_CLIENT,
        'claim.name': 'roles',
        'jsonType.label': 'String',
        multivalued: 'true',
        ...TOKEN_CLAIM,
      },
    },
    {
      name: 'audience',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-audience-mapper',
      config: {
        'included.client.audience': ROLES_CLIENT,
        'access.token.claim': 'true',
        'id.token.claim': 'false',
        'introspection.token.claim': 'true',
      },
    },
  ];
}

/**
 * `development` (deploy/keycloak/sunshine-realm.json: local scripts, Compose, the tests) carries the demo staff and the
 * password-grant client the tests sign in with; `production` (sunshine-realm.production.json: Kubernetes) carries
 * neither: staff are created by the system administrator, and no client takes a password outside Keycloak's own pages.
 */
export type RealmKind = 'development' | 'production';

export function sunshineRealm(kind: RealmKind = 'development'): Json {
  const dev = kind === 'development';
  return {
    realm: 'sunshine',
    displayName: '阳光信访 Sunshine',
    enabled: true,
    sslRequired: 'external',
    defaultSignatureAlgorithm: 'ES256',
    accessTokenLifespan: ACCESS_TOKEN_LIFESPAN_S,
    ssoSessionIdleTimeout: 1800,
    ssoSessionMaxLifespan: 36000,
    passwordPolicy: PASSWORD_POLICY,
    bruteForceProtected: true,
    permanentLockout: false,
    failureFactor: 5,
    waitIncrementSeconds: 900,
    maxFailureWaitSeconds: 900,
    maxDeltaTimeSeconds: 43200,
    minimumQuickLoginWaitSeconds: 60,
    quickLoginCheckMilliSeconds: 1000,
    otpPolicyType: 'totp',
    otpPolicyAlgorithm: 'HmacSHA1',
    otpPolicyDigits: 6,
    otpPolicyPeriod: 30,
    otpPolicyLookAheadWindow: 1,
    eventsEnabled: true,
    enabledEventTypes: [...ENABLED_EVENT_TYPES],
    eventsExpiration: KEYCLOAK_EVENTS_EXPIRATION_S,
    eventsListeners: ['jboss-logging'],
    adminEventsEnabled: true,
    adminEventsDetailsEnabled: true,
    // Admin events expire as login events do (a realm attribute: Keycloak has no field for it); without it they are
    // kept for ever.
    attributes: { adminEventsExpiration: String(KEYCLOAK_EVENTS_EXPIRATION_S) },
    internationalizationEnabled: true,
    supportedLocales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    components: {
      'org.keycloak.userprofile.UserProfileProvider': [
        {
          providerId: 'declarative-user-profile',
          subComponents: {},
          config: { 'kc.user.profile.config': [JSON.stringify(userProfile())] },
        },
      ],
    },
    clients: [
      {
        clientId: ROLES_CLIENT,
        name: 'Sunshine platform roles (audience)',
        enabled: true,
        bearerOnly: true,
        publicClient: false,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
      },
      {
        clientId: CONSOLE_CLIENT,
        name: '阳光信访 console',
        enabled: true,
        publicClient: true,
        standardFlowEnabled: true,
        directAccessGrantsEnabled: false,
        implicitFlowEnabled: false,
        serviceAccountsEnabled: false,
        // Exact URIs (no wildcard): the code goes only to the console's sign-in page; PKCE S256 required.
        redirectUris: CONSOLE_ORIGINS.map((o) => `${o}${CONSOLE_REDIRECT_PATH}`),
        webOrigins: [...CONSOLE_ORIGINS],
        attributes: {
          'pkce.code.challenge.method': 'S256',
          'post.logout.redirect.uris': CONSOLE_ORIGINS.map((o) => `${o}${CONSOLE_REDIRECT_PATH}`).join('##'),
        },
        fullScopeAllowed: false,
        protocolMappers: staffMappers(),
      },
      ...(dev
        ? [
            {
              clientId: DEV_CLI_CLIENT,
              name: 'Development and tests only: direct password grant (disable in production)',
              enabled: true,
              publicClient: true,
              standardFlowEnabled: false,
              directAccessGrantsEnabled: true,
              fullScopeAllowed: false,
              protocolMappers: staffMappers(),
            },
          ]
        : []),
      ...SERVICES.map((s) => ({
        clientId: `sunshine-${s}`,
        name: `Service ${s}`,
        enabled: true,
        publicClient: false,
        clientAuthenticatorType: 'client-secret',
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: true,
        // Only the scope mapping below reaches its tokens: role `service`, whatever else its account were given.
        fullScopeAllowed: false,
        protocolMappers: staffMappers(),
      })),
    ],
    // What each client's tokens may carry of the platform's roles (fullScopeAllowed is off everywhere): staff clients
    // every role but `service`, each service client `service` alone. No client can put a staff role into its own token.
    clientScopeMappings: {
      [ROLES_CLIENT]: [
        { client: CONSOLE_CLIENT, roles: [...STAFF_TOKEN_ROLES] },
        ...(dev ? [{ client: DEV_CLI_CLIENT, roles: [...STAFF_TOKEN_ROLES] }] : []),
        ...SERVICES.map((s) => ({ client: `sunshine-${s}`, roles: ['service'] })),
      ],
      // The events reader's tokens may carry view-events (read the login and admin events), nothing else of the realm.
      'realm-management': [{ client: `sunshine-${EVENTS_READER}`, roles: ['view-events'] }],
    },
    roles: {
      client: { [ROLES_CLIENT]: StaffRoles.map((r) => ({ name: r, clientRole: true })) },
    },
    users: [
      ...(dev ? DEMO_STAFF : []).map((m) => ({
        id: m.claims.sub,
        username: m.id,
        firstName: m.title,
        lastName: m.id,
        email: `${m.id}@demo.sunshine.invalid`,
        emailVerified: true,
        enabled: true,
        attributes: { unit: [m.claims.unit], division: [m.claims.division] },
        clientRoles: { [ROLES_CLIENT]: [...m.claims.roles] },
        requiredActions: ['CONFIGURE_TOTP'],
      })),
      ...SERVICES.map((s) => ({
        username: `service-account-sunshine-${s}`,
        enabled: true,
        serviceAccountClientId: `sunshine-${s}`,
        // As the platform's own service tokens (service-token.provider.ts): unit service:<name>, no territory.
        attributes: { unit: [`service:${s}`], division: ['000000000000'] },
        clientRoles: { [ROLES_CLIENT]: ['service'], ...(s === EVENTS_READER ? { 'realm-management': ['view-events'] } : {}) },
      })),
    ],
  };
}

if (require.main === module) {
  for (const [kind, name] of [
    ['development', 'sunshine-realm.json'],
    ['production', 'sunshine-realm.production.json'],
  ] as const) {
    const file = join(__dirname, '..', 'deploy', 'keycloak', name);
    writeFileSync(file, `${JSON.stringify(sunshineRealm(kind), null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}

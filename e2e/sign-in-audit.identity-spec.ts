import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  auditArchiveQueue,
  type AuditRecord,
  KEYCLOAK_EVENTS_JOB,
  type KeycloakImportOutcome,
  redisConnection,
  verifyAuditTable,
} from '@sunshine/platform';
import {
  DEMO_CITY,
  DEMO_UNITS,
  eventually,
  http,
  infraEnv,
  KeycloakTestClient,
  keycloakVerifierEnv,
  otpCode,
  otpSecret,
  ServiceHarness,
  startKeycloak,
} from '@sunshine/testing';
import { Queue } from 'bullmq';
import { Client } from 'pg';

// 安全审计 (issue 18): every sign-in and failure from Keycloak's events in the audit trail. Keycloak (deploy/local/
// keycloak.sh, the committed realm) and routing with its own client credentials and KEYCLOAK_URL: routing's
// KeycloakEventsImporter reads the realm's login and admin events and appends one audit record each. A clerk signs in,
// then five wrong passwords lock the account and the sixth, correct, is refused; an audit administrator is granted
// the role in Keycloak and reads routing's trail through GET /audit/records: one 登录成功 with the IP, five 登录失败
// (invalid credentials), the lock-out, the refused sixth; the role grant as a configuration change; nothing doubled by
// a second run; no password in any record; the chain verifies. `npm run test:identity`.

const ROOT = join(__dirname, '..');
const REALM = 'sunshine';
const CLERK = 'fengzhuang-clerk';
const AUDITOR = 'identity-test-auditor';

const otpCredential = (secret: string) => ({
  type: 'otp',
  userLabel: 'identity test',
  secretData: JSON.stringify({ value: secret }),
  credentialData: JSON.stringify({ subType: 'totp', digits: 6, counter: 0, period: 30, algorithm: 'HmacSHA1' }),
});

describe('Keycloak sign-in events in the audit trail (routing imports them)', () => {
  let env: Record<string, string> = {};
  let harness: ServiceHarness | undefined;
  let queue: Queue | undefined;
  let adminSignedIn = false;
  const t0 = Date.now();

  let keycloak = new KeycloakTestClient({});

  /** Runs routing's import job now (as its scheduler would) and returns what it appended. */
  async function runImport(): Promise<KeycloakImportOutcome> {
    const job = await queue?.add(KEYCLOAK_EVENTS_JOB, {}, { removeOnComplete: false, removeOnFail: false });
    const done = await eventually(
      async () => {
        const j = await queue?.getJob(job?.id ?? '');
        return j?.finishedOn ? j : undefined;
      },
      60000,
      'the import job',
    );
    expect(done.failedReason).toBeUndefined();
    return done.returnvalue as KeycloakImportOutcome;
  }

  beforeAll(async () => {
    env = startKeycloak();
    keycloak = new KeycloakTestClient(env, REALM);
    adminSignedIn = (await keycloak.adminToken()) !== '';
    expect(adminSignedIn).toBe(true);
    harness = await ServiceHarness.create({
      ...keycloakVerifierEnv(env),
      AUTH_TOKEN_URL: env['AUTH_TOKEN_URL'] ?? '',
      SERVICE_CLIENT_SECRET_FILE_ROUTING: env['SERVICE_CLIENT_SECRET_FILE_ROUTING'] ?? '',
      KEYCLOAK_URL: env['KEYCLOAK_URL'] ?? '',
      KEYCLOAK_REALM: REALM,
      // This run's events only (Keycloak keeps earlier runs' for 7 days); the scheduler's own runs stay an hour apart.
      KEYCLOAK_EVENTS_SINCE: new Date(t0).toISOString(),
      KEYCLOAK_EVENTS_EVERY_S: '3600',
    });
    await harness.start('routing');
    await harness.runCli('apps/routing/src/seed/seed.js', ['--fixture', 'demo']);
    queue = new Queue(auditArchiveQueue('routing'), { connection: redisConnection(infraEnv().redisUrl), prefix: `bull.${harness.prefix}` });
  }, 600000);

  afterAll(async () => {
    if (adminSignedIn) {
      await keycloak.admin('DELETE', `/attack-detection/brute-force/users/demo-${CLERK}`);
      await keycloak.admin('DELETE', `/users/${AUDITOR}`);
    }
    await queue?.close();
    await harness?.stopAll();
    console.info(`sign-in audit suite: ${((Date.now() - t0) / 1000).toFixed(1)} s including Keycloak start`);
  });

  it('records one 登录成功 with its IP, five 登录失败, the lock-out and the refused sixth; a role grant; once each; the chain verifies', async () => {
    const password = env['KEYCLOAK_DEMO_PASSWORD'] ?? '';
    const realm = JSON.parse(readFileSync(join(ROOT, 'deploy', 'keycloak', 'sunshine-realm.json'), 'utf8')) as {
      users: Array<{ username: string }>;
    };
    // The clerk, enrolled (password and TOTP); routing's directory knows the clerk (unit, roles) from the demo seed's unit.
    const clerkSecret = otpSecret();
    const clerk = { ...realm.users.find((u) => u.username === CLERK), requiredActions: [] };
    const enrolled = await keycloak.admin<{ overwritten: number }>('POST', '/partialImport', {
      ifResourceExists: 'OVERWRITE',
      users: [{ ...clerk, credentials: [{ type: 'password', value: password, temporary: false }, otpCredential(clerkSecret)] }],
    });
    expect([enrolled.status, enrolled.body.overwritten]).toEqual([200, 1]);
    const db = new Client({ connectionString: infraEnv().databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO "${harness?.schema('routing') ?? ''}".staff_users (subject, unit_id, roles, updated_by) VALUES ($1, $2, $3, $4)`,
        [`demo-${CLERK}`, DEMO_UNITS.fengzhuang, ['clerk'], 'identity-test'],
      );

      // An audit administrator: created without roles, then granted `audit-admin` (the security administrator's act).
      const auditorSecret = otpSecret();
      const created = await keycloak.admin<{ added: number }>('POST', '/partialImport', {
        ifResourceExists: 'OVERWRITE',
        users: [
          {
            id: AUDITOR,
            username: AUDITOR,
            firstName: '审计管理员',
            lastName: 'test',
            email: `${AUDITOR}@demo.sunshine.invalid`,
            emailVerified: true,
            enabled: true,
            attributes: { unit: [DEMO_UNITS.cityBureau], division: [DEMO_CITY] },
            credentials: [{ type: 'password', value: password, temporary: false }, otpCredential(auditorSecret)],
          },
        ],
      });
      expect(created.status).toBe(200);
      const [rolesClient] = (await keycloak.admin<Array<{ id: string }>>('GET', '/clients?clientId=sunshine')).body;
      const auditAdmin = (await keycloak.admin<{ id: string; name: string }>('GET', `/clients/${rolesClient?.id ?? ''}/roles/audit-admin`))
        .body;
      const grantPath = `/users/${AUDITOR}/role-mappings/clients/${rolesClient?.id ?? ''}`;
      expect((await keycloak.admin('POST', grantPath, [auditAdmin])).status).toBe(204);

      // The clerk signs in; five wrong passwords (1.2 s apart: only the count locks); the sixth, correct, is refused.
      expect((await keycloak.passwordGrant(CLERK, password, otpCode(clerkSecret))).status).toBe(200);
      for (let i = 1; i <= 5; i += 1) {
        const wrong = await keycloak.passwordGrant(CLERK, `${password}-wrong-${i}`, otpCode(clerkSecret, 1));
        expect([wrong.status, wrong.error]).toEqual([401, 'invalid_grant']);
        await new Promise((r) => setTimeout(r, 1200));
      }
      expect((await keycloak.passwordGrant(CLERK, password, otpCode(clerkSecret, 1))).status).toBe(401);

      const auditor = await keycloak.passwordGrant(AUDITOR, password, otpCode(auditorSecret));
      expect(auditor.status).toBe(200);
      const token = auditor.access_token ?? '';
      const routing = harness?.url('routing') ?? '';
      const search = async (query: string): Promise<AuditRecord[]> => {
        const res = await http<{ items: AuditRecord[] }>('GET', `${routing}/audit/records?${query}&limit=500`, { token });
        expect(res.status).toBe(200);
        return [...res.body.items].reverse(); // oldest first
      };

      const first = await runImport();
      expect(first.signIns).toBeGreaterThanOrEqual(9); // the clerk's 8 and the auditor's sign-in (an earlier scheduled run may have taken some)
      const clerkRecords = await search(`kind=sign-in&subject=demo-${CLERK}`);
      expect(
        clerkRecords.map((r) => [
          r.detail['event'],
          r.detail['action'],
          r.detail['outcome'],
          r.detail['error'] ?? null,
          r.ip,
          r.unitId,
          r.roles,
        ]),
      ).toEqual([
        ['LOGIN', '登录成功', 'success', null, '127.0.0.1', DEMO_UNITS.fengzhuang, ['clerk']],
        ...[1, 2, 3, 4, 5].map(() => [
          'LOGIN_ERROR',
          '登录失败',
          'failure',
          'invalid_user_credentials',
          '127.0.0.1',
          DEMO_UNITS.fengzhuang,
          ['clerk'],
        ]),
        ['USER_DISABLED_BY_TEMPORARY_LOCKOUT', '账号锁定（临时）', 'success', null, '127.0.0.1', DEMO_UNITS.fengzhuang, ['clerk']],
        ['LOGIN_ERROR', '登录失败', 'failure', 'user_temporarily_disabled', '127.0.0.1', DEMO_UNITS.fengzhuang, ['clerk']],
      ]);
      const signIn = clerkRecords[0];
      expect(signIn).toMatchObject({ kind: 'sign-in', subject: `demo-${CLERK}`, method: null, route: null, caseId: null, status: null });
      expect(signIn?.detail).toMatchObject({
        source: 'keycloak',
        clientId: 'sunshine-dev-cli',
        details: { username: CLERK, grant_type: 'password', auth_method: 'openid-connect' },
      });
      expect(typeof signIn?.detail['sessionId']).toBe('string');
      expect(Date.parse(String(signIn?.detail['occurredAt']))).toBeGreaterThanOrEqual(t0);
      expect(clerkRecords[1]?.detail['reason']).toBe('用户名或口令错误');
      expect(clerkRecords[6]?.detail['details']).toMatchObject({ num_failures: '5' });
      expect(clerkRecords[7]?.detail['reason']).toBe('账号已锁定（登录失败次数过多）');
      // The auditor's own sign-in (not in routing's directory: no unit, no roles).
      expect((await search(`kind=sign-in&subject=${AUDITOR}`)).map((r) => [r.detail['action'], r.ip, r.unitId, r.roles])).toEqual([
        ['登录成功', '127.0.0.1', null, []],
      ]);

      // The role grant: a configuration change by the Keycloak administrator, with the role's name.
      const grants = (await search('kind=config-change')).filter((r) => r.detail['resourceType'] === 'CLIENT_ROLE_MAPPING');
      expect(
        grants.map((g) => [g.detail['operation'], g.detail['resourcePath'], g.detail['grantedRoles'], g.detail['outcome'], g.ip]),
      ).toEqual([['CREATE', `users/${AUDITOR}/role-mappings/clients/${rolesClient?.id ?? ''}`, ['audit-admin'], 'success', '127.0.0.1']]);

      // Run again: nothing new, nothing doubled; ids of events Keycloak no longer keeps (older than its 7 days and a
      // day, as an earlier week's would be) are forgotten by the same job, this run's stay.
      const routingSchema = harness?.schema('routing') ?? '';
      await db.query(
        `INSERT INTO "${routingSchema}".audit_import (source, external_id, occurred_at, seq)
         VALUES ('keycloak', 'identity-test-30-days', now() - interval '30 days', 0),
                ('keycloak-admin', 'identity-test-9-days', now() - interval '9 days', 0)`,
      );
      const kept = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${routingSchema}".audit_import`);
      expect(await runImport()).toEqual({ signIns: 0, adminEvents: 0, pruned: 2 });
      expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${routingSchema}".audit_import`)).rows).toEqual([
        { n: (kept.rows[0]?.n ?? 0) - 2 },
      ]);
      // Keycloak keeps admin events 7 days too (a realm attribute), so neither kind comes back once forgotten.
      const realmRep = await keycloak.admin<{ eventsExpiration?: number; attributes?: Record<string, string> }>('GET', '');
      expect([realmRep.body.eventsExpiration, realmRep.body.attributes?.['adminEventsExpiration']]).toEqual([604800, '604800']);
      expect((await search(`kind=sign-in&subject=demo-${CLERK}`)).map((r) => r.seq)).toEqual(clerkRecords.map((r) => r.seq));
      const everything = await search('from=2000-01-01T00:00:00Z');
      const ids = everything.map((r) => r.detail['eventId']).filter((id) => id !== undefined);
      expect(new Set(ids).size).toBe(ids.length);
      // No password and no token in any record (the partial imports above carried the password to Keycloak).
      const text = JSON.stringify(everything);
      expect([text.includes(password), text.includes(token.slice(-40))]).toEqual([false, false]);

      // The chain verifies (as `npm run audit -- verify` does).
      expect(
        await verifyAuditTable(async (t) => (await db.query<object>(t)).rows, `"${harness?.schema('routing') ?? ''}".audit_log`),
      ).toMatchObject({ findings: [] });
    } finally {
      await db.end();
    }
  });
});

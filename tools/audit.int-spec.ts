import { Controller, Get, Global, Module, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AuditModule,
  type AuditRecord,
  AuditTrail,
  AuthModule,
  createHttpApp,
  DatabaseModule,
  loadPlatformConfig,
  PLATFORM_CONFIG,
  type PlatformConfig,
  Staff,
  type StaffPrincipal,
} from '@sunshine/platform';
import { eventually, http, infraEnv, sql, TestKeys, uniquePrefix } from '@sunshine/testing';
import { Client } from 'pg';

import { verifyAuditTrails } from './audit';

const CASE = '0b7e1c3a-5f1e-4c2b-9a44-2f3c5d6e7f80';
const CLERK = { sub: 'clerk-1', unit: '410726000000:petition-bureau', division: '410726000000', roles: ['clerk' as const] };
const AUDITOR = { sub: 'auditor-1', unit: '410700000000:petition-bureau', division: '410700000000', roles: ['audit-admin' as const] };

@Controller('cases/:caseId')
class CaseProbeController {
  constructor(private readonly trail: AuditTrail) {}

  @Post('notes')
  note(@Param('caseId') caseId: string) {
    return { caseId };
  }

  @Get('dossier')
  async dossier(@Param('caseId') caseId: string, @Staff() staff: StaffPrincipal) {
    await this.trail.personalDataRead(staff, caseId, 'dossier', { fields: ['petitioner.name'] });
    return { caseId };
  }
}

describe('the audit trail (安全审计: append-only, hash-chained, verified)', () => {
  const prefix = uniquePrefix('aud');
  const schema = `${prefix}_intake`;
  const keys: { value?: TestKeys } = {};
  let app: NestFastifyApplication;
  let base: string;
  let config: PlatformConfig;

  beforeAll(async () => {
    keys.value = await TestKeys.create();
    const env = infraEnv();
    config = loadPlatformConfig('intake', {
      NODE_ENV: 'test',
      DATABASE_URL: env.databaseUrl,
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      REDIS_URL: env.redisUrl,
      DB_SCHEMA_PREFIX: prefix,
      CRYPTO_PROFILE: 'gm',
      ...keys.value.env('intake'),
    });
    @Global()
    @Module({ providers: [{ provide: PLATFORM_CONFIG, useValue: config }], exports: [PLATFORM_CONFIG] })
    class ConfigProbeModule {}
    @Module({
      imports: [ConfigProbeModule, DatabaseModule.forRoot(config, {}), AuthModule.forRoot(config), AuditModule],
      controllers: [CaseProbeController],
    })
    class ProbeModule {}
    app = await createHttpApp(ProbeModule, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  const token = (
    claims: typeof CLERK | typeof AUDITOR | { sub: string; unit: string; division: string; roles: Array<'audit-admin' | 'clerk'> },
  ) => {
    if (!keys.value) throw new Error('keys not created');
    return keys.value.token(claims);
  };
  const records = async (query: string) =>
    http<{ items: AuditRecord[]; next: number | null }>('GET', `${base}/audit/records?${query}`, { token: await token(AUDITOR) });

  it('records who changed what, on which case, from where, with which outcome; and each personal-data read', async () => {
    expect((await http('POST', `${base}/cases/${CASE}/notes`, { token: await token(CLERK), body: {} })).status).toBe(201);
    expect((await http('POST', `${base}/cases/${CASE}/notes`, { body: {} })).status).toBe(401);
    expect((await http('GET', `${base}/cases/${CASE}/dossier`, { token: await token(CLERK) })).status).toBe(200);

    const found = await records(`caseId=${CASE}`);
    expect(found.status).toBe(200);
    const items = found.body.items;
    expect(items.map((r) => [r.seq, r.kind, r.subject, r.status])).toEqual([
      [3, 'personal-data-read', 'clerk-1', null],
      [2, 'request', null, 401],
      [1, 'request', 'clerk-1', 201],
    ]);
    expect(items[2]).toMatchObject({
      unitId: '410726000000:petition-bureau',
      roles: ['clerk'],
      method: 'POST',
      route: '/cases/:caseId/notes',
      caseId: CASE,
      ip: '127.0.0.1',
      alg: 'sm3',
      prevHash: 'genesis',
    });
    expect(items[2]?.userAgent).toBeTruthy();
    expect(items[0]).toMatchObject({
      method: 'GET',
      route: '/cases/:caseId/dossier',
      ip: '127.0.0.1',
      detail: { what: 'dossier', fields: ['petitioner.name'] },
    });
    expect(items[1]?.prevHash).toBe(items[2]?.hash);
    expect((await records('kind=personal-data-read')).body.items.map((r) => r.seq)).toEqual([3]);
  });

  it('lets only the audit administrator search it', async () => {
    const clerk = await http<{ code: string }>('GET', `${base}/audit/records`, { token: await token(CLERK) });
    expect(clerk).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
    const both = await http<{ code: string }>('GET', `${base}/audit/records`, {
      token: await token({ ...AUDITOR, roles: ['audit-admin', 'clerk'] }),
    });
    expect(both).toMatchObject({ status: 401, body: { code: 'TOKEN_ROLES_INCOMPATIBLE' } });
    // The auditor's own searches are reads: nothing was added to the three records.
    expect((await records('limit=10')).body.items.map((r) => r.seq)).toEqual([3, 2, 1]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the application role', async () => {
    for (const statement of [
      `UPDATE "${schema}".audit_log SET status = 200 WHERE seq = 1`,
      `DELETE FROM "${schema}".audit_log WHERE seq = 1`,
      `TRUNCATE "${schema}".audit_log`,
    ]) {
      await expect(sql(statement)).rejects.toThrow(/append-only/);
    }
  });

  it('anchors the chain every 100 records, and verifies intact', async () => {
    const trail = app.get(AuditTrail);
    await Promise.all(Array.from({ length: 98 }, (_, i) => trail.action('ops-action', undefined, { step: i })));
    const [anchor] = await sql<{ seq: string; detail: { anchoredSeq: number; anchoredHash: string } }>(
      `SELECT seq, detail FROM "${schema}".audit_log WHERE kind = 'anchor'`,
    );
    const [hundredth] = await sql<{ hash: string }>(`SELECT hash FROM "${schema}".audit_log WHERE seq = 100`);
    expect(anchor).toEqual({ seq: '101', detail: { anchoredSeq: 100, anchoredHash: hundredth?.hash } });
    const result = await verifyAuditTrails(infraEnv().databaseUrl, ['intake', 'routing'], prefix);
    expect(result.get('intake')).toEqual({ records: 102, findings: [] });
    expect(result.get('routing')).toBeNull();
  });

  it('names the record the database owner edited, removed or inserted with the trigger disabled', async () => {
    const table = `"${schema}".audit_log`;
    await sql(`ALTER TABLE ${table} DISABLE TRIGGER audit_log_no_change`);
    try {
      await sql(`UPDATE ${table} SET subject = 'someone-else' WHERE seq = 1`);
      await sql(`DELETE FROM ${table} WHERE seq = 40`);
      await sql(
        `INSERT INTO ${table} SELECT 60, at + interval '1 millisecond', kind, subject, unit_id, roles, method, route, case_id, status, ip, user_agent, '{"forged":true}', alg, prev_hash, hash FROM ${table} WHERE seq = 59`,
      );
    } finally {
      await sql(`ALTER TABLE ${table} ENABLE TRIGGER audit_log_no_change`);
    }
    const result = (await verifyAuditTrails(infraEnv().databaseUrl, ['intake'], prefix)).get('intake');
    expect(result?.records).toBe(102);
    expect(result?.findings.map((f) => [f.seq, f.problem])).toEqual([
      [1, 'edited'],
      [40, 'removed'],
      [60, 'edited'],
      [60, 'inserted'],
    ]);
    expect(result?.findings[1]?.message).toEqual({ zh: '审计记录 #40 被删除', en: 'audit record #40 was removed' });
  });
  it('lives through PostgreSQL ending the audit connection under a write: that write fails, the next is written', async () => {
    const trail = app.get(AuditTrail);
    // Another session holds the chain's lock, so the writer waits inside its transaction; then its backend is ended
    // (57P01, as when PostgreSQL is killed). Without a listener on the checked-out client that ended the process.
    const holder = new Client({ connectionString: infraEnv().databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${schema}.audit_log`]);
      const [{ pid: holderPid } = { pid: 0 }] = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const blocked = trail.action('ops-action', undefined, { step: 'cut' });
      const writer = await eventually(
        async () =>
          (await holder.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [holderPid]))
            .rows[0]?.pid,
        10000,
        'the audit writer waiting for the chain’s lock',
      );
      await holder.query('SELECT pg_terminate_backend($1)', [writer]);
      await expect(blocked).rejects.toThrow(/terminat/);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
    await trail.action('ops-action', undefined, { step: 'after' });
    const rows = await sql<{ seq: string; detail: { step?: string } }>(
      `SELECT seq, detail FROM "${schema}".audit_log WHERE detail->>'step' IN ('cut', 'after') ORDER BY seq`,
    );
    expect(rows.map((r) => [r.seq, r.detail.step])).toEqual([['103', 'after']]);
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import {
  type AuditFields,
  type AuditRecord,
  chainRecord,
  dataSourceOptions,
  insertAuditRecords,
  loadPlatformConfig,
  type ServiceName,
} from '@sunshine/platform';
import { infraEnv, sql, uniquePrefix } from '@sunshine/testing';
import { DataSource } from 'typeorm';

import { verifyAuditTrails } from './audit';
import { archiveAuditTrails } from './audit-archive';

// 审计日志归档 (issue 18): partitions older than 184 days leave the live table after the chain is verified, each as a
// JSON-lines file with its anchor; the live chain verifies on from the last archived record.
describe('npm run audit -- archive (partitions past 184 days, verified, exported with their anchor)', () => {
  const prefix = uniquePrefix('arc');
  const out = join(__dirname, '..', 'tmp', `audit-archive-${prefix}`);
  const NOW = new Date('2026-12-02T12:00:00.000Z'); // 184 days before: 2026-06-01T12:00Z, so months up to May 2026 are due
  const fields = (n: number): AuditFields => ({
    kind: 'request',
    subject: `clerk-${n}`,
    unitId: '410726000000:petition-bureau',
    roles: ['clerk'],
    method: 'POST',
    route: '/cases/:caseId/notes',
    caseId: null,
    status: 201,
    ip: '10.0.0.1',
    userAgent: 'spec',
    detail: { n },
  });

  async function migrate(service: ServiceName): Promise<void> {
    const env = infraEnv();
    const config = loadPlatformConfig(service, {
      NODE_ENV: 'test',
      DATABASE_URL: env.databaseUrl,
      KAFKA_BROKERS: 'k:9092',
      REDIS_URL: env.redisUrl,
      DB_SCHEMA_PREFIX: prefix,
      AUTH_PUBLIC_KEY: 'unused',
    });
    await sql(`CREATE SCHEMA "${config.database.schema}"`);
    const ds = await new DataSource(dataSourceOptions(config, {})).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  }

  /** Hand-made monthly partitions and a chain of records at the given times. */
  async function seed(schema: string, months: readonly string[], times: readonly string[]): Promise<AuditRecord[]> {
    for (const m of months) {
      const from = `${m.slice(0, 4)}-${m.slice(4)}-01`;
      const to = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(4)), 1)).toISOString();
      await sql(`CREATE TABLE "${schema}".audit_log_p${m} PARTITION OF "${schema}".audit_log FOR VALUES FROM ('${from}') TO ('${to}')`);
    }
    const records: AuditRecord[] = [];
    for (const [i, t] of times.entries()) records.push(chainRecord('sha256', records[records.length - 1], new Date(t), fields(i + 1)));
    await insertAuditRecords((text, params) => sql(text, params), `"${schema}".audit_log`, records);
    return records;
  }

  const partitions = async (schema: string) =>
    (
      await sql<{ relname: string }>(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`,
        [`"${schema}".audit_log`],
      )
    ).map((r) => r.relname);

  beforeAll(async () => {
    await migrate('intake');
    await migrate('routing');
  });

  afterAll(async () => {
    for (const s of ['intake', 'routing']) await sql(`DROP SCHEMA IF EXISTS "${prefix}_${s}" CASCADE`);
    rmSync(out, { recursive: true, force: true });
  });

  it('detaches and exports the partitions past 184 days, oldest first, and the live chain still verifies from their anchor', async () => {
    const schema = `${prefix}_intake`;
    // May 2026 ended 184 days and 12 hours before NOW (due, empty here); June 2026 did not (stays).
    const records = await seed(
      schema,
      ['202501', '202502', '202605', '202606'],
      [
        '2025-01-10T08:00:00Z',
        '2025-01-20T08:00:00Z',
        '2025-01-31T23:59:59Z',
        '2025-02-03T08:00:00Z',
        '2025-02-27T08:00:00Z',
        '2026-06-01T00:00:00Z',
        '2026-06-30T08:00:00Z',
      ],
    );

    const outcome = (await archiveAuditTrails(infraEnv().databaseUrl, ['intake'], out, NOW, prefix)).get('intake');
    expect(outcome?.findings).toEqual([]);
    expect(outcome?.archived.map((a) => [a.partition, a.records, a.firstSeq, a.lastSeq, a.lastHash])).toEqual([
      ['audit_log_p202501', 3, 1, 3, records[2]?.hash],
      ['audit_log_p202502', 2, 4, 5, records[4]?.hash],
      ['audit_log_p202605', 0, null, null, null],
    ]);
    expect(await partitions(schema)).toEqual(['audit_log_default', 'audit_log_p202606']);

    const file = join(out, `${schema}.audit_log_p202501.jsonl`);
    const text = readFileSync(file, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; hash: string; subject: string });
    expect(lines.map((l) => [l.seq, l.subject, l.hash])).toEqual(records.slice(0, 3).map((r) => [r.seq, r.subject, r.hash]));
    const anchor = JSON.parse(readFileSync(`${file}.anchor.json`, 'utf8')) as Record<string, unknown>;
    expect(anchor).toMatchObject({
      schema,
      partition: 'audit_log_p202501',
      records: 3,
      firstSeq: 1,
      lastSeq: 3,
      firstPrevHash: 'genesis',
      lastHash: records[2]?.hash,
      alg: 'sha256',
    });
    expect(anchor['fileSha256']).toBe(createHash('sha256').update(text).digest('hex'));
    const archive = await sql<{ partition: string; last_seq: string | null; last_hash: string | null }>(
      `SELECT partition, last_seq, last_hash FROM "${schema}".audit_archive ORDER BY month_from`,
    );
    expect(archive).toEqual([
      { partition: 'audit_log_p202501', last_seq: '3', last_hash: records[2]?.hash },
      { partition: 'audit_log_p202502', last_seq: '5', last_hash: records[4]?.hash },
      { partition: 'audit_log_p202605', last_seq: null, last_hash: null },
    ]);

    // The live table holds #6–#7 and verifies from the archive's last hash; nothing more is due on a second run.
    expect((await verifyAuditTrails(infraEnv().databaseUrl, ['intake'], prefix)).get('intake')).toEqual({ records: 2, findings: [] });
    expect((await archiveAuditTrails(infraEnv().databaseUrl, ['intake'], out, NOW, prefix)).get('intake')).toEqual({
      archived: [],
      findings: [],
    });

    // A live record removed after the cut is still named.
    await sql(`ALTER TABLE "${schema}".audit_log DISABLE TRIGGER audit_log_no_change`);
    await sql(`DELETE FROM "${schema}".audit_log WHERE seq = 6`);
    await sql(`ALTER TABLE "${schema}".audit_log ENABLE TRIGGER audit_log_no_change`);
    const after = (await verifyAuditTrails(infraEnv().databaseUrl, ['intake'], prefix)).get('intake');
    expect(after?.findings.map((f) => [f.seq, f.problem])).toEqual([[6, 'removed']]);
  });

  it('archives nothing when the chain has a problem: the record is named, the partition stays, no file is written', async () => {
    const schema = `${prefix}_routing`;
    await seed(schema, ['202501'], ['2025-01-10T08:00:00Z', '2025-01-11T08:00:00Z']);
    await sql(`ALTER TABLE "${schema}".audit_log DISABLE TRIGGER audit_log_no_change`);
    await sql(`UPDATE "${schema}".audit_log SET subject = 'someone-else' WHERE seq = 2`);
    await sql(`ALTER TABLE "${schema}".audit_log ENABLE TRIGGER audit_log_no_change`);

    const outcome = (await archiveAuditTrails(infraEnv().databaseUrl, ['routing'], out, NOW, prefix)).get('routing');
    expect(outcome?.archived).toEqual([]);
    expect(outcome?.findings.map((f) => [f.seq, f.problem])).toEqual([[2, 'edited']]);
    expect(await partitions(schema)).toEqual(['audit_log_default', 'audit_log_p202501']);
    expect(existsSync(join(out, `${schema}.audit_log_p202501.jsonl`))).toBe(false);
  });
});

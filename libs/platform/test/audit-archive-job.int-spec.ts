import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import {
  AUDIT_ARCHIVE_SCHEDULER_ID,
  auditArchiveQueue,
  type AuditFields,
  type AuditRecord,
  chainRecord,
  insertAuditRecords,
  loadPlatformConfig,
  redisConnection,
  verifyAuditTable,
} from '@sunshine/platform';
import { eventually, forSuite, infraEnv, localServiceEnv } from '@sunshine/testing';
import { Queue } from 'bullmq';
import { Client } from 'pg';

import { ROOT } from './support/fixture-process';
import { TestRun } from './support/test-run';

const ROUTING = 'apps/routing/src/main.ts';

const fields = (n: number): AuditFields => ({
  kind: 'request',
  subject: `dispatcher-${n}`,
  unitId: '410700000000:petition-bureau',
  roles: ['dispatcher'],
  method: 'POST',
  route: '/cases/:caseId/assignments',
  caseId: null,
  status: 201,
  ip: '10.0.0.2',
  userAgent: 'spec',
  detail: { n },
});

// 审计日志定期归档 (issue 18): two replicas of routing, each with its own PostgreSQL role and Redis ACL user, keep one
// BullMQ job scheduler (daily at 02:40 Asia/Shanghai) on routing's queue; its job, run once by one of them, moves the
// partitions past 184 days out of the live table, and the chain verifies on from the archive; run again, it does nothing.
describe('the audit archive job (BullMQ job scheduler in every service; routing here)', () => {
  const run = forSuite(
    () => TestRun.create('aj'),
    (r) => r.cleanup(),
  );
  const own = localServiceEnv();
  const closers: Array<() => Promise<unknown>> = [];

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    rmSync(join(ROOT, 'tmp', `audit-archive-${run.prefix}`), { recursive: true, force: true });
  });

  it('is registered once by both replicas, archives the due months once, and the chain still verifies', async () => {
    const dir = join(ROOT, 'tmp', `audit-archive-${run.prefix}`);
    const env = { DATABASE_URL_ROUTING: own['DATABASE_URL_ROUTING'] ?? '', REDIS_URL_ROUTING: own['REDIS_URL_ROUTING'] ?? '' };
    expect(env.DATABASE_URL_ROUTING).toMatch(/^postgres(ql)?:\/\/sunshine_routing:/);
    expect(env.REDIS_URL_ROUTING).toMatch(/^redis:\/\/sunshine-routing:/);
    const replicas = [1, 2].map((n) => run.start(`routing-${n}`, ROUTING, { ...env, AUDIT_ARCHIVE_DIR: dir, LOG_LEVEL: 'info' }));

    // Routing's own role: what the service connects with (and owns audit_log and its partitions with).
    const config = loadPlatformConfig('routing', {
      ...own,
      DB_SCHEMA_PREFIX: run.prefix,
      AUTH_PUBLIC_KEY: 'unused',
      KAFKA_BROKERS: 'k:9092',
    });
    const db = new Client({ connectionString: config.database.url });
    await db.connect();
    closers.push(() => db.end());
    const schema = run.schema('routing');

    const queue = new Queue(auditArchiveQueue('routing'), {
      connection: redisConnection(infraEnv().redisUrl),
      prefix: `bull.${run.prefix}`,
    });
    closers.push(() => queue.close());
    // Both replicas up (each logs its registration), one scheduler and one waiting job between them.
    await eventually(
      async () => (replicas.every((r) => r.log.includes('audit archive scheduled')) ? true : undefined),
      180000,
      'both replicas registering the audit archive',
    );
    for (const r of replicas) expect(r.running).toBe(true);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.name, s.pattern, s.tz])).toEqual([
      [AUDIT_ARCHIVE_SCHEDULER_ID, 'archive', '40 2 * * *', 'Asia/Shanghai'],
    ]);
    // Its next run is 02:40 in Beijing: 18:40 UTC.
    const next = new Date(Number(schedulers[0]?.next));
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([18, 40, 0]);
    const waiting = (await queue.getDelayed()).filter((j) => j.repeatJobKey === AUDIT_ARCHIVE_SCHEDULER_ID);
    expect(waiting).toHaveLength(1);

    // Two months past 184 days and this month's record, written as routing would (its role, its chain).
    for (const [m, from, to] of [
      ['202501', '2025-01-01', '2025-02-01'],
      ['202502', '2025-02-01', '2025-03-01'],
    ] as const) {
      await db.query(
        `CREATE TABLE "${schema}".audit_log_p${m} PARTITION OF "${schema}".audit_log FOR VALUES FROM ('${from}') TO ('${to}')`,
      );
    }
    const records: AuditRecord[] = [];
    for (const [i, t] of ['2025-01-10T08:00:00Z', '2025-01-31T23:00:00Z', '2025-02-14T08:00:00Z', new Date().toISOString()].entries())
      records.push(chainRecord('sha256', records[records.length - 1], new Date(t), fields(i + 1)));
    await insertAuditRecords((text, params) => db.query(text, params), `"${schema}".audit_log`, records);

    // The scheduled job itself, now rather than at 02:40.
    await waiting[0]?.promote();
    const archived = await eventually(
      async () => {
        const rows = (
          await db.query<{ partition: string; records: number; last_seq: string; last_hash: string; file_sha256: string }>(
            `SELECT partition, records, last_seq, last_hash, file_sha256 FROM "${schema}".audit_archive ORDER BY month_from`,
          )
        ).rows;
        return rows.length === 2 ? rows : undefined;
      },
      60000,
      'the archive job',
    );
    expect(archived.map((a) => [a.partition, a.records, a.last_seq, a.last_hash])).toEqual([
      ['audit_log_p202501', 2, '2', records[1]?.hash],
      ['audit_log_p202502', 1, '3', records[2]?.hash],
    ]);
    const file = join(dir, `${schema}.audit_log_p202501.jsonl`);
    const text = readFileSync(file, 'utf8');
    expect(createHash('sha256').update(text).digest('hex')).toBe(archived[0]?.file_sha256);
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { subject: string }).subject),
    ).toEqual(['dispatcher-1', 'dispatcher-2']);

    // The live table keeps this month's record and verifies on from the archived #3.
    expect(await verifyAuditTable(async (t) => (await db.query<object>(t)).rows, `"${schema}".audit_log`)).toEqual({
      records: 1,
      findings: [],
    });
    // Ran once: one completed job, and the scheduler waits for tomorrow with one job.
    await eventually(async () => ((await queue.getCompletedCount()) === 1 ? true : undefined), 30000, 'the job completed');
    expect((await queue.getCompleted()).map((j) => [j.name, j.returnvalue])).toEqual([
      ['archive', { archived: ['audit_log_p202501', 'audit_log_p202502'] }],
    ]);
    expect(await queue.getFailedCount()).toBe(0);
    const tomorrow = (await queue.getDelayed()).filter((j) => j.repeatJobKey === AUDIT_ARCHIVE_SCHEDULER_ID);
    expect(tomorrow).toHaveLength(1);
    expect(tomorrow[0]?.id).not.toBe(waiting[0]?.id);
    expect(replicas.filter((r) => r.log.includes('audit archive (job')).length).toBe(1);

    // Run again (tomorrow's job, now): nothing is due any more, nothing changes.
    await tomorrow[0]?.promote();
    await eventually(async () => ((await queue.getCompletedCount()) === 2 ? true : undefined), 30000, 'the second run completed');
    expect((await queue.getCompleted()).map((j) => j.returnvalue)).toEqual([
      { archived: [] },
      { archived: ['audit_log_p202501', 'audit_log_p202502'] },
    ]);
    expect((await db.query(`SELECT count(*)::int AS n FROM "${schema}".audit_archive`)).rows).toEqual([{ n: 2 }]);
  }, 300000);
});

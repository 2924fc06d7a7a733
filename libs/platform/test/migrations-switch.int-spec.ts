import { forSuite, freePort } from '@sunshine/testing';

import { TestRun } from './support/test-run';

const EVALUATION = 'apps/evaluation/src/main.ts';

// Migrations as an explicit step (deploy/k8s): MIGRATIONS=only applies them and exits; MIGRATIONS=skip boots on them.
describe('MIGRATIONS=only | skip (a migration Job, then replicas that do not race to migrate)', () => {
  const run = forSuite(
    () => TestRun.create('mg'),
    (r) => r.cleanup(),
  );

  it('only: applies every pending migration to a fresh schema and exits 0 without listening; skip: serves on it', async () => {
    const schema = run.schema('evaluation');
    const port = await freePort();
    const job = run.start('evaluation-migrate', EVALUATION, { MIGRATIONS: 'only', PORT: String(port) });
    expect(await job.waitExit(90000)).toEqual({ code: 0, signal: null });
    expect(job.log).toContain('migrations applied (MIGRATIONS=only), exiting');
    const applied = await run.query<{ name: string }>(`SELECT name FROM "${schema}".migrations ORDER BY id`);
    expect(applied.map((m) => m.name)).toEqual(
      expect.arrayContaining(['MessagingTables1763780000000', 'DeadLetterActions1764817000000', 'AuditLog1765300000000']),
    );
    expect(
      await fetch(`http://127.0.0.1:${port}/health/live`).then(
        () => 'listening',
        () => 'refused',
      ),
    ).toBe('refused');

    const servicePort = await freePort();
    run.start('evaluation-skip', EVALUATION, { MIGRATIONS: 'skip', PORT: String(servicePort) });
    let status = 0;
    for (let i = 0; i < 180 && status !== 200; i++) {
      status = await fetch(`http://127.0.0.1:${servicePort}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    // Nothing more was applied by the instance itself.
    expect(await run.count(`SELECT count(*) AS n FROM "${schema}".migrations`)).toBe(applied.length);
  });

  it('skip on a fresh schema applies nothing: no migrations table appears (the instance cannot serve on it)', async () => {
    const prefix = `${run.prefix}_skip`;
    const fresh = run.start('evaluation-skip-fresh', EVALUATION, {
      MIGRATIONS: 'skip',
      DB_SCHEMA_PREFIX: prefix,
      PORT: String(await freePort()),
    });
    // Whether it stops or keeps failing, give it the time a migration run takes here (a few seconds).
    await fresh.waitExit(15000).catch(() => undefined);
    const [table] = await run.query<{ t: string | null }>(`SELECT to_regclass('"${prefix}_evaluation".migrations')::text AS t`);
    expect(table?.t).toBeNull();
    await fresh.kill('SIGKILL').catch(() => undefined);
    await run.query(`DROP SCHEMA IF EXISTS "${prefix}_evaluation" CASCADE`);
  });

  it('a value other than run, skip or only stops the service at start (exit 78, configuration error)', async () => {
    const bad = run.start('evaluation-bad', EVALUATION, { MIGRATIONS: 'later' });
    expect(await bad.waitExit(60000)).toEqual({ code: 78, signal: null });
    expect(bad.log).toContain('MIGRATIONS');
  });
});

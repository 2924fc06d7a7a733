import { dataSourceOptions, ensureSchema, loadPlatformConfig, type ServiceName } from '@sunshine/platform';
import { localServiceEnv, sql, uniquePrefix } from '@sunshine/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

// 数据库按服务分权 (issue 18): each service connects with its own login role (deploy/local/infra.sh creates them and
// prints DATABASE_URL_<SERVICE>), which owns its schemas only: routing's role migrates and uses its own schema and is
// refused on intake's, whether a test run's prefixed schema or the deployed `intake`.
describe('PostgreSQL: a login role per service, owning only its schema', () => {
  const prefix = uniquePrefix('pr');
  const env = localServiceEnv();
  const clients: Client[] = [];

  function config(service: ServiceName) {
    return loadPlatformConfig(service, { ...env, DB_SCHEMA_PREFIX: prefix, AUTH_PUBLIC_KEY: 'unused', KAFKA_BROKERS: '127.0.0.1:9092' });
  }

  async function migrate(service: ServiceName): Promise<void> {
    const c = config(service);
    await ensureSchema(c.database.url, c.database.schema);
    const ds = await new DataSource(dataSourceOptions(c, {})).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  }

  async function connect(service: ServiceName): Promise<Client> {
    const client = new Client({ connectionString: config(service).database.url });
    await client.connect();
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    await migrate('intake');
    await migrate('routing');
  });

  afterAll(async () => {
    for (const c of clients) await c.end();
    for (const s of ['intake', 'routing']) await sql(`DROP SCHEMA IF EXISTS "${prefix}_${s}" CASCADE`);
  });

  it("routing's role owns the schema it created and uses its tables", async () => {
    const routing = await connect('routing');
    const [who] = (
      await routing.query<{ u: string; owner: string }>(
        `SELECT current_user AS u, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1`,
        [`${prefix}_routing`],
      )
    ).rows;
    expect(who).toEqual({ u: 'sunshine_routing', owner: 'sunshine_routing' });
    await routing.query(`CREATE TABLE "${prefix}_routing".probe (x int)`);
    await routing.query(`INSERT INTO "${prefix}_routing".probe VALUES (7)`);
    expect((await routing.query(`SELECT x FROM "${prefix}_routing".probe`)).rows).toEqual([{ x: 7 }]);
    const applied = await routing.query<{ name: string }>(`SELECT name FROM "${prefix}_routing".migrations ORDER BY name`);
    expect(applied.rows.map((r) => r.name)).toEqual([
      'AuditArchive1796230000000',
      'AuditLog1765300000000',
      'DeadLetterActions1764817000000',
      'MessagingTables1763780000000',
      'OutboxNotify1796510000000',
    ]);
  });

  it("routing's role is refused on intake's schema: no SELECT, no CREATE (permission denied), the deployed one too", async () => {
    const routing = await connect('routing');
    await expect(routing.query(`SELECT * FROM "${prefix}_intake".migrations`)).rejects.toThrow(
      `permission denied for schema ${prefix}_intake`,
    );
    await expect(routing.query(`CREATE TABLE "${prefix}_intake".planted (x int)`)).rejects.toThrow(
      `permission denied for schema ${prefix}_intake`,
    );
    await expect(routing.query(`SELECT * FROM intake.migrations`)).rejects.toThrow('permission denied for schema intake');
    const intake = await connect('intake');
    await expect(intake.query(`SELECT * FROM "${prefix}_routing".migrations`)).rejects.toThrow(
      `permission denied for schema ${prefix}_routing`,
    );
    // intake's own role reads its table, which routing could not.
    expect((await intake.query(`SELECT count(*)::int AS n FROM "${prefix}_intake".migrations`)).rows).toEqual([{ n: 5 }]);
  });
});

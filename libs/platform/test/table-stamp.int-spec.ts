import type { OrgUnitSnapshot } from '@sunshine/contracts';
import {
  dataSourceOptions,
  DIRECTORY_REPLICA,
  DirectoryReplicaService,
  ensureSchema,
  loadPlatformConfig,
  type PlatformConfig,
  ReplicaDirectorySource,
} from '@sunshine/platform';
import { DataSource, type EntityManager } from 'typeorm';

import { fixtureEnv } from './support/fixture-env';
import { TestRun } from './support/test-run';

const TOWN: OrgUnitSnapshot = {
  id: '410726100000:government',
  name: '东屯镇人民政府',
  kind: 'government',
  divisionCode: '410726100000',
  level: 'township',
  territoryPath: ['410000000000', '410700000000', '410726000000', '410726100000'],
  parentId: null,
  competences: [],
  nonAdministrative: false,
  revision: 1,
};

/**
 * The directory replica's change stamp (table-stamp.ts) on a real schema: every committed write moves it by one, and the
 * directory source rebuilds on the next read — a rename at the same revision too, which the old stamp (count and sum
 * of revisions) could not see.
 */
describe('directory replica: the change stamp', () => {
  let run: TestRun;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let replica: DirectoryReplicaService;
  let source: ReplicaDirectorySource;

  const stamp = async (): Promise<string> =>
    (await run.query<{ n: string }>(`SELECT n::text AS n FROM "${config.database.schema}".directory_units_stamp`))[0]?.n ?? '';

  beforeAll(async () => {
    run = await TestRun.create('stamp');
    config = loadPlatformConfig('intake', fixtureEnv(run.prefix, run.keys));
    await ensureSchema(config.database.url, config.database.schema);
    dataSource = await new DataSource(dataSourceOptions(config, { replicas: [DIRECTORY_REPLICA] })).initialize();
    replica = new DirectoryReplicaService(dataSource);
    source = new ReplicaDirectorySource(dataSource);
  }, 60000);

  afterAll(async () => {
    await dataSource?.destroy();
    await run?.cleanup();
  });

  it('moves with each committed write statement and never with a rolled back one; the source sees each change at its next read', async () => {
    expect(await stamp()).toBe('0');
    expect((await source.current()).get(TOWN.id)).toBeUndefined();

    // An upsert (INSERT … ON CONFLICT DO UPDATE) fires both statement triggers, INSERT's and UPDATE's: +2.
    await dataSource.transaction((m) => replica.apply(m, TOWN));
    expect(await stamp()).toBe('2');
    expect((await source.current()).get(TOWN.id)?.name).toBe('东屯镇人民政府');

    // Same revision, new name, written directly (an operator's repair): the old count/sum stamp stayed the same.
    await dataSource.query(`UPDATE directory_units SET name = '东屯镇政府' WHERE id = $1`, [TOWN.id]);
    expect(await stamp()).toBe('3');
    expect((await source.current()).get(TOWN.id)?.name).toBe('东屯镇政府');

    await dataSource
      .transaction(async (m) => {
        await replica.apply(m, { ...TOWN, name: '不应出现', revision: 2 });
        throw new Error('rolled back on purpose');
      })
      .catch(() => undefined);
    expect(await stamp()).toBe('3');
    expect((await source.current()).get(TOWN.id)?.name).toBe('东屯镇政府');

    await dataSource.query(`UPDATE directory_units SET retired = true WHERE id = $1`, [TOWN.id]);
    expect(await stamp()).toBe('4');
    expect((await source.current()).get(TOWN.id)).toBeUndefined();
  });

  it('reads the stamp once per transaction that writes no unit, and again at every read of one that does', async () => {
    const other = { ...TOWN, id: '410726101000:government', name: '城关镇人民政府', divisionCode: '410726101000' };
    const stampReads = (m: EntityManager): { count: () => number } => {
      let n = 0;
      const query = m.query.bind(m);
      m.query = ((sql: string, params?: unknown[]) => {
        if (sql.includes('directory_units_stamp')) n++;
        return query(sql, params);
      }) as typeof m.query;
      return { count: () => n };
    };
    // Three reads in one transaction, while another transaction commits a unit in between: one stamp read, and the
    // transaction keeps the directory it saw first.
    const reads = await dataSource.transaction(async (m) => {
      const counter = stampReads(m);
      const first = await source.current(m);
      await dataSource.transaction((w) => replica.apply(w, other));
      const second = await source.current(m);
      const third = await source.current(m);
      return { count: counter.count(), same: first === second && second === third, sees: third.get(other.id)?.name ?? null };
    });
    expect(reads).toEqual({ count: 1, same: true, sees: null });
    // The next transaction sees the unit committed meanwhile.
    expect(await dataSource.transaction(async (m) => (await source.current(m)).get(other.id)?.name)).toBe('城关镇人民政府');

    // A transaction that writes a unit reads the stamp at each read and sees its own write.
    const writer = await dataSource.transaction(async (m) => {
      const counter = stampReads(m);
      await source.current(m);
      await replica.apply(m, { ...other, name: '城关镇政府', revision: 2 });
      const after = (await source.current(m)).get(other.id)?.name ?? null;
      await source.current(m);
      return { count: counter.count(), after };
    });
    expect(writer).toEqual({ count: 3, after: '城关镇政府' });
  });
});

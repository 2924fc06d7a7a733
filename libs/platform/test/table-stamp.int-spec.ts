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
import { DataSource } from 'typeorm';

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
});

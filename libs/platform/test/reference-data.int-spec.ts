import type { EventOf } from '@sunshine/contracts';
import {
  dataSourceOptions,
  ensureSchema,
  loadPlatformConfig,
  OutboxWriter,
  type PlatformConfig,
  REFERENCE_DATA_ENTITIES,
  REFERENCE_DATA_MIGRATIONS,
  type ReferenceChange,
  ReferenceDataPublisher,
  ReferenceDataService,
} from '@sunshine/platform';
import { DataSource } from 'typeorm';

import { fixtureEnv } from './support/fixture-env';
import { TestRun } from './support/test-run';

// 春节 2027 of a hand-written arrangement: 2/5 (除夕, Fri) to 2/13 (Sat) off, 2/14 (Sun) and 2/20 (Sat) worked.
const SPRING_2027 = {
  year: 2027,
  holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'],
  workdays: ['2027-02-14', '2027-02-20'],
  source: 'test: hand-written',
};
const OPS = { kind: 'staff', id: 'city-ops-1', unitId: '410700000000:petition-bureau' } as const;

/** The publisher and the replica on a real PostgreSQL schema (the topic in between is covered end to end). */
describe('reference data: publisher and replica', () => {
  let run: TestRun;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let publisher: ReferenceDataPublisher;
  let replica: ReferenceDataService;

  const outboxEvents = async (): Promise<Array<{ key: string; event: EventOf<'reference.calendar-year'> }>> =>
    (
      await run.query<{ message_key: string; value: EventOf<'reference.calendar-year'> }>(
        `SELECT message_key, value FROM "${config.database.schema}".outbox ORDER BY seq`,
      )
    ).map((r) => ({ key: r.message_key, event: r.value }));

  beforeAll(async () => {
    run = await TestRun.create('rd');
    config = loadPlatformConfig('supervision', fixtureEnv(run.prefix, run.keys));
    await ensureSchema(config.database.url, config.database.schema);
    dataSource = await new DataSource(
      dataSourceOptions(config, { entities: REFERENCE_DATA_ENTITIES, migrations: REFERENCE_DATA_MIGRATIONS }),
    ).initialize();
    publisher = new ReferenceDataPublisher(new OutboxWriter(config));
    replica = new ReferenceDataService(dataSource);
  }, 60000);

  afterAll(async () => {
    replica?.onModuleDestroy();
    await dataSource?.destroy();
    await run?.cleanup();
  });

  it('numbers each publication of an item, keys it <kind>:<id>, and publishes nothing when asked for an unchanged item', async () => {
    const first = await dataSource.transaction((m) => publisher.publish(m, 'calendar-year', SPRING_2027, { actor: OPS }));
    const same = await dataSource.transaction((m) =>
      publisher.publish(m, 'calendar-year', SPRING_2027, { actor: OPS, onlyIfChanged: true }),
    );
    const moved = await dataSource.transaction((m) =>
      publisher.publish(m, 'calendar-year', { ...SPRING_2027, workdays: ['2027-02-14'] }, { actor: OPS, onlyIfChanged: true }),
    );
    expect([first.revision, first.published, same.revision, same.published, moved.revision, moved.published]).toEqual([
      1,
      true,
      1,
      false,
      2,
      true,
    ]);
    const written = await outboxEvents();
    expect(written.map((w) => [w.key, w.event.type, w.event.producer, w.event.payload.revision])).toEqual([
      ['calendar-year:2027', 'reference.calendar-year', 'supervision', 1],
      ['calendar-year:2027', 'reference.calendar-year', 'supervision', 2],
    ]);
  });

  it('refuses what the domain refuses, with a coded 422 and nothing written', async () => {
    const attempt = dataSource.transaction((m) =>
      publisher.publish(m, 'calendar-year', { ...SPRING_2027, workdays: ['2027-02-15'] }, { actor: OPS }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'REFERENCE_DATA_INVALID', kind: 'unprocessable' });
    expect(await outboxEvents()).toHaveLength(2);
  });

  it('applies the newest revision whatever the order, runs the hook once in the transaction, and another instance catches up', async () => {
    const [r1, r2] = (await outboxEvents()).map((w) => w.event);
    if (!r1 || !r2) throw new Error('two publications expected');
    const seen: ReferenceChange[] = [];
    const off = replica.onChange(async (change, m) => {
      seen.push(change);
      // The hook already counts with the new data, and sees the row of its own transaction.
      expect(replica.current().calendar.isPublished(2027)).toBe(true);
      expect(await m.query(`SELECT revision FROM reference_data WHERE kind = 'calendar-year' AND id = '2027'`)).toEqual([
        { revision: change.revision },
      ]);
    });
    expect(replica.current().calendar.isPublished(2027)).toBe(false);
    expect(await dataSource.transaction((m) => replica.apply(m, r2))).toBe(true);
    expect(await dataSource.transaction((m) => replica.apply(m, r1))).toBe(false);
    expect(await dataSource.transaction((m) => replica.apply(m, r2))).toBe(false);
    off();
    expect(seen).toEqual([{ kind: 'calendar-year', id: '2027', revision: 2, previousRevision: null }]);
    // Revision 2 has only 2/14 as a make-up day: 2/20 (Sat) is a rest day.
    expect(replica.current().calendar.dayInfo('2027-02-20')).toMatchObject({ kind: 'weekend', provisional: false });
    expect(replica.items('calendar-year').map((i) => [i.id, i.revision, i.publishedBy])).toEqual([['2027', 2, 'city-ops-1']]);

    const other = new ReferenceDataService(dataSource);
    const caught: ReferenceChange[] = [];
    other.changes.subscribe((c) => caught.push(c));
    await other.refresh();
    expect(caught).toEqual([{ kind: 'calendar-year', id: '2027', revision: 2, previousRevision: null }]);
    expect(other.current().calendar.dayInfo('2027-02-12')).toMatchObject({ kind: 'holiday', provisional: false });
    other.onModuleDestroy();
  });

  it('rolls the replica back, table and memory, when a hook fails', async () => {
    await dataSource.transaction((m) => publisher.publish(m, 'calendar-year', { ...SPRING_2027, workdays: [] }, { actor: OPS }));
    const r3 = (await outboxEvents()).at(-1)?.event;
    if (!r3) throw new Error('a third publication expected');
    const off = replica.onChange(() => {
      throw new Error('recompute failed');
    });
    await expect(dataSource.transaction((m) => replica.apply(m, r3))).rejects.toThrow('recompute failed');
    off();
    expect(replica.item('calendar-year', '2027')?.revision).toBe(2);
    expect(replica.current().calendar.dayInfo('2027-02-14').kind).toBe('make-up-workday');
    expect(await run.query(`SELECT revision FROM "${config.database.schema}".reference_data`)).toEqual([{ revision: 2 }]);
    // The redelivered message then applies.
    expect(await dataSource.transaction((m) => replica.apply(m, r3))).toBe(true);
    expect(replica.current().calendar.dayInfo('2027-02-14').kind).toBe('weekend');
  });
});

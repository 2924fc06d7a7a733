import { ContractViolationError, Topics } from '@sunshine/contracts';
import {
  dataSourceOptions,
  ensureSchema,
  EventVerifier,
  loadPlatformConfig,
  OutboxWriter,
  type PlatformConfig,
  readTopic,
  type StartOffsets,
} from '@sunshine/platform';
import { DataSource } from 'typeorm';

import { type Backlog, duplicates, topicOrder, writeBacklog } from './support/backlog';
import { fixtureEnv } from './support/fixture-env';
import type { FixtureProcess } from './support/fixture-process';
import { registered } from './support/test-events';
import { RELAY_FIXTURE, TestRun } from './support/test-run';

/**
 * Acceptance: events written concurrently for hundreds of cases reach the case log in the order each case wrote
 * them; one relay leads while another stands by; when the leader is killed with SIGKILL (at the fail point between
 * send and mark, and at a random moment) the standby publishes the rest, in order, none twice. And the producer
 * refuses an event that breaks its contract.
 */
describe('transactional outbox and relay failover', () => {
  let run: TestRun;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let writer: OutboxWriter;
  const lockName = () => `sunshine.outbox-relay.${config.database.schema}`;

  beforeAll(async () => {
    run = await TestRun.create('ob');
    config = loadPlatformConfig('intake', fixtureEnv(run.prefix, run.keys));
    await ensureSchema(config.database.url, config.database.schema);
    dataSource = await new DataSource({
      ...dataSourceOptions(config, { entities: [], migrations: [] }),
      extra: { options: `-c search_path=${config.database.schema}`, max: 12, connectionTimeoutMillis: 30000 },
    } as ConstructorParameters<typeof DataSource>[0]).initialize();
    writer = new OutboxWriter(config);
  }, 60000);

  afterAll(async () => {
    await dataSource?.destroy();
    await run?.cleanup();
  });

  const pending = () => run.count(`SELECT count(*) AS n FROM "${config.database.schema}".outbox WHERE published_at IS NULL`);
  const endOffsets = async (): Promise<StartOffsets> => {
    const admin = run.kafka.admin();
    await admin.connect();
    try {
      return Object.fromEntries((await admin.fetchTopicOffsets(run.topic())).map((p) => [p.partition, p.high]));
    } finally {
      await admin.disconnect();
    }
  };
  const lockHolders = () =>
    run.query<{ application_name: string }>(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND l.classid::text::bigint = ((hashtextextended($1, 0) >> 32) & 4294967295)
          AND l.objid::text::bigint = (hashtextextended($1, 0) & 4294967295)`,
      [lockName()],
    );
  const waitDrained = async (timeoutMs = 120000) => {
    const deadline = Date.now() + timeoutMs;
    while ((await pending()) > 0) {
      if (Date.now() > deadline) throw new Error(`outbox not drained: ${await pending()} rows pending`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  /** Reads the case log back from `from` and checks: every written event once, each case in written order. */
  const expectPublishedOnceInOrder = async (backlog: Backlog, from: StartOffsets) => {
    const messages = await readTopic(run.kafka, run.topic(), from, 60000);
    const cases = new Set(backlog.written.keys());
    const ours = messages.filter((m) => m.key !== null && cases.has(m.key));
    const ids = ours.map((m) => m.headers['event-id'] ?? '');
    expect(duplicates(ids)).toEqual([]);
    expect(ids.length).toBe(backlog.total);
    const order = topicOrder(ours, cases);
    const outOfOrder = [...backlog.written].filter(([caseId, written]) => JSON.stringify(order.get(caseId)) !== JSON.stringify(written));
    expect(outOfOrder).toEqual([]);
    // Every message a relay sent has the contract's key and headers, and the relay's (intake's) signature over its topic,
    // key and value. The backlog mixes other services' types, which consumers would refuse: only the signature is checked.
    expect(ours.every((m) => m.headers['event-type'] && m.headers['producer'])).toBe(true);
    const verifier = EventVerifier.fromDir(run.keys.eventKeysDir);
    const signers = ours.map((m) =>
      verifier.verify({ topic: Topics.caseLog, key: m.key ?? '', value: m.value ?? '' }, m.headers, { producer: 'intake' }),
    );
    expect(new Set(signers)).toEqual(new Set(['intake']));
  };

  it('refuses an event that breaks its contract at the producer, and writes nothing', async () => {
    const bad = registered('0192d0c4-0000-7000-8000-000000000001', 'bad');
    (bad.payload as { placeCode: string }).placeCode = 'Yanjin county';
    let thrown: unknown;
    await dataSource
      .transaction(async (manager) => {
        await writer.append(manager, bad);
      })
      .catch((error: unknown) => {
        thrown = error;
      });
    expect(thrown).toBeInstanceOf(ContractViolationError);
    expect((thrown as ContractViolationError).message).toContain('payload.placeCode');
    // Inside a transaction that goes on after the refusal: still nothing written by it.
    const rows = await dataSource.transaction(async (manager) => {
      await expect(writer.append(manager, { ...bad, version: 7 })).rejects.toBeInstanceOf(ContractViolationError);
      return manager.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM outbox`);
    });
    expect(Number(rows[0]?.n)).toBe(0);
    expect(await run.count(`SELECT count(*) AS n FROM "${config.database.schema}".outbox`)).toBe(0);
  });

  it('publishes hundreds of cases written concurrently, each in the order it was written', async () => {
    const t = Date.now();
    const relay = run.start('relay-0', RELAY_FIXTURE);
    await relay.waitFor(/outbox relay is the leader/);
    const from = await endOffsets();
    const backlog = await writeBacklog(dataSource, writer, { cases: 300 });
    const tWritten = Date.now();
    await waitDrained();
    const tPublished = Date.now();
    await expectPublishedOnceInOrder(backlog, from);
    // A graceful stop (Nest re-raises SIGTERM after closing) releases the lock.
    await relay.kill('SIGTERM');
    expect(await lockHolders()).toEqual([]);
    process.stdout.write(
      `ordering: ${backlog.total} events of ${backlog.written.size} cases in ${backlog.transactions} transactions written in ${tWritten - t} ms, ` +
        `all published ${tPublished - tWritten} ms later\n`,
    );
  }, 300000);

  it('is woken by a commit of another process (NOTIFY), not by its poll: polling every 60 s, the event leaves at once', async () => {
    const relay = run.start('relay-n', RELAY_FIXTURE, { RELAY_POLL_MS: '60000' });
    await relay.waitFor(/outbox relay is the leader/);
    // The leader's first pass found nothing and sleeps for 60 s: only the notification of this commit can wake it.
    await new Promise((r) => setTimeout(r, 1500));
    const from = await endOffsets();
    const backlog = await writeBacklog(dataSource, writer, { cases: 1 });
    const written = Date.now();
    await waitDrained(30000);
    const took = Date.now() - written;
    await expectPublishedOnceInOrder(backlog, from);
    await relay.kill('SIGTERM');
    process.stdout.write(`woken by NOTIFY: ${backlog.total} event(s) published ${took} ms after the commit (poll 60 s)\n`);
  }, 120000);

  it('keeps a standby idle while the leader runs; after the leader is killed between send and mark, the standby publishes the rest once, in order', async () => {
    const t = Date.now();
    const first = run.start('relay-a', RELAY_FIXTURE, { FAILPOINTS: 'relay.after-send:3' });
    await first.waitFor(/outbox relay is the leader/);
    const second = run.start('relay-b', RELAY_FIXTURE);
    await second.waitFor(/outbox relay is a standby/);
    // One lock holder, the first process; the second has not led.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await lockHolders()).map((h) => h.application_name)).toEqual([`sunshine-outbox-relay intake pid=${first.pid}`]);
    expect(second.log).not.toContain('outbox relay is the leader');

    const from = await endOffsets();
    const backlog = await writeBacklog(dataSource, writer, { cases: 300 });
    const exit = await first.waitExit(60000);
    expect(exit.signal).toBe('SIGKILL');
    const tKilled = Date.now();
    const recovered = await second.waitFor(/recovered an unfinished relay batch \S+: (\d+) message\(s\) had reached Kafka/, 60000);
    expect(Number(recovered[1])).toBeGreaterThan(0);
    await second.waitFor(/outbox relay is the leader/);
    // It led once, and only after settling what the dead leader left in doubt.
    expect(second.log.match(/outbox relay is the leader/g)).toHaveLength(1);
    expect(second.log.indexOf('recovered an unfinished relay batch')).toBeLessThan(second.log.indexOf('outbox relay is the leader'));
    await waitDrained();
    const tDrained = Date.now();
    await expectPublishedOnceInOrder(backlog, from);
    expect(await run.count(`SELECT count(*) AS n FROM "${config.database.schema}".outbox_batches`)).toBe(0);
    expect((await lockHolders()).map((h) => h.application_name)).toEqual([`sunshine-outbox-relay intake pid=${second.pid}`]);
    standby = second;
    process.stdout.write(
      `failover at the fail point: ${backlog.total} events, leader killed after its 3rd batch ${tKilled - t} ms in, ` +
        `${recovered[1]} in-doubt message(s) settled without resending, rest published ${tDrained - tKilled} ms after the kill\n`,
    );
  }, 300000);

  let standby: FixtureProcess | undefined;

  it('survives a SIGKILL of the leader at a random moment mid-stream: the rest once, in order', async () => {
    const t = Date.now();
    const leader = standby;
    if (!leader) throw new Error('the previous test left no leader');
    const next = run.start('relay-c', RELAY_FIXTURE);
    await next.waitFor(/outbox relay is a standby/);
    const from = await endOffsets();
    let killedAt = -1;
    let publishedWhenKilled = -1;
    const since = new Date();
    const backlog = await writeBacklog(dataSource, writer, {
      cases: 300,
      onCommit: (committed) => {
        if (killedAt < 0 && committed >= 500) {
          killedAt = committed;
          void run
            .count(`SELECT count(*) AS n FROM "${config.database.schema}".outbox WHERE created_at >= $1 AND published_at IS NOT NULL`, [
              since,
            ])
            .then((n) => (publishedWhenKilled = n))
            .catch(() => undefined);
          void leader.kill('SIGKILL');
        }
      },
    });
    expect((await leader.waitExit(30000)).signal).toBe('SIGKILL');
    await next.waitFor(/outbox relay is the leader/, 60000);
    await waitDrained();
    await expectPublishedOnceInOrder(backlog, from);
    expect((await lockHolders()).map((h) => h.application_name)).toEqual([`sunshine-outbox-relay intake pid=${next.pid}`]);
    await next.kill('SIGTERM');
    expect(await lockHolders()).toEqual([]);
    process.stdout.write(
      `failover at a random moment: ${backlog.total} events, leader killed when ${killedAt} were written ` +
        `(${publishedWhenKilled} of them published), done in ${Date.now() - t} ms\n`,
    );
  }, 300000);
});

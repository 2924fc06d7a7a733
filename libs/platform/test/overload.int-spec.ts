import { createServer, type Server, Socket } from 'node:net';

import { Controller, Get, Module, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, DatabaseModule, loadPlatformConfig, type PlatformConfig, poolWaiting } from '@sunshine/platform';
import { eventually, infraEnv, sql, TestKeys, uniquePrefix } from '@sunshine/testing';
import { DataSource } from 'typeorm';

/**
 * A TCP relay in front of the shared PostgreSQL: `down()` refuses new connections and cuts the open ones, so this
 * test's service sees "PostgreSQL is down" while everyone else's PostgreSQL keeps running.
 */
class PostgresRelay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((res) => server.listen(this.port, '127.0.0.1', res));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((res) => server.close(() => res()));
  }
}

const MARK = uniquePrefix('ovl');

@Controller('probe')
class ProbeController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('quick')
  async quick(): Promise<{ one: number }> {
    const [row] = (await this.dataSource.query('SELECT 1 AS one')) as Array<{ one: number }>;
    return { one: row?.one ?? 0 };
  }

  @Get('sleep')
  async sleep(@Query('ms') ms: string): Promise<{ slept: number }> {
    await this.dataSource.query(`SELECT pg_sleep($1::float / 1000) /* ${MARK} */`, [Number(ms)]);
    return { slept: Number(ms) };
  }
}

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: { code?: string; message?: { zh?: string; en?: string }; details?: Record<string, unknown> };
}

// Overload and an unreachable PostgreSQL on the platform's real HTTP app (createHttpApp: the filter and the shedding
// every service gets) with a real pg pool of one connection, reached through a relay this test can cut.
describe('overload and PostgreSQL outages answer 503 with Retry-After, never 500', () => {
  const prefix = uniquePrefix('ovl');
  const pg = new URL(infraEnv().databaseUrl);
  const relay = new PostgresRelay({ host: pg.hostname, port: Number(pg.port || 5432) });
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let base: string;

  beforeAll(async () => {
    await relay.up();
    const viaRelay = new URL(pg.toString());
    viaRelay.port = String(relay.port);
    const keys = await TestKeys.create();
    const config: PlatformConfig = loadPlatformConfig('intake', {
      ...keys.env('intake'),
      DATABASE_URL: viaRelay.toString(),
      DB_SCHEMA_PREFIX: prefix,
      KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','),
      REDIS_URL: infraEnv().redisUrl,
      DB_POOL_MAX: '1',
      DB_POOL_ACQUIRE_TIMEOUT_MS: '1500',
      DB_POOL_MAX_WAITING: '2',
    });
    @Module({ imports: [DatabaseModule.forRoot(config, {})], controllers: [ProbeController] })
    class ProbeModule {}
    app = await createHttpApp(ProbeModule, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await relay.down();
    await sql(`DROP SCHEMA IF EXISTS "${prefix}_intake" CASCADE`);
  });

  async function get(path: string): Promise<Answer> {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
  }

  /** Until this test's slow query runs on the server (the pool's one connection is then held). */
  async function sleeperRunning(): Promise<number> {
    return eventually(
      async () => {
        const [row] = await sql<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE query LIKE $1 AND state = 'active'`, [
          `%/* ${MARK} */%`,
        ]);
        return row?.pid;
      },
      10000,
      'the slow query to run',
    );
  }

  const OVERLOADED = { code: 'OVERLOADED', message: { zh: '服务繁忙，请稍后再试', en: 'the service is busy: try again shortly' } };
  const PG_DOWN = {
    code: 'DEPENDENCY_UNAVAILABLE',
    message: { zh: '数据库暂时不可用，请稍后再试', en: 'postgresql is unavailable: try again shortly' },
  };

  it('answers 503 OVERLOADED with Retry-After 1 when no connection frees up within the acquire timeout', async () => {
    const slow = get('/probe/sleep?ms=3500');
    await sleeperRunning();
    const refused = await get('/probe/quick');
    expect(refused).toMatchObject({ status: 503, retryAfter: '1', body: OVERLOADED });
    expect((await slow).status).toBe(200);
    expect(await get('/probe/quick')).toMatchObject({ status: 200, body: { one: 1 } });
  });

  it('sheds a request at once while two already wait for the pool, before it joins the queue', async () => {
    const slow = get('/probe/sleep?ms=4000');
    await sleeperRunning();
    const settled: string[] = [];
    const waiters = [get('/probe/quick'), get('/probe/quick')].map((p, i) => p.then((a) => (settled.push(`waiter${i}`), a)));
    await eventually(async () => (poolWaiting(dataSource) === 2 ? true : undefined), 5000, 'two requests waiting for the pool');
    const shed = await get('/probe/quick');
    expect(shed).toMatchObject({ status: 503, retryAfter: '1', body: OVERLOADED });
    // Answered while the two waiters were still queued: it never waited for a connection itself.
    expect(settled).toEqual([]);
    expect((await Promise.all(waiters)).map((a) => [a.status, a.body.code])).toEqual([
      [503, 'OVERLOADED'],
      [503, 'OVERLOADED'],
    ]);
    expect((await slow).status).toBe(200);
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE with Retry-After 5 when PostgreSQL ends the connection mid-query', async () => {
    const slow = get('/probe/sleep?ms=5000');
    const pid = await sleeperRunning();
    await sql('SELECT pg_terminate_backend($1)', [pid]);
    expect(await slow).toMatchObject({ status: 503, retryAfter: '5', body: PG_DOWN });
    await eventually(async () => ((await get('/probe/quick')).status === 200 ? true : undefined), 10000, 'the pool to reconnect');
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE while PostgreSQL refuses connections, and 200 again once it is back', async () => {
    await relay.down();
    const down = await get('/probe/quick');
    expect(down).toMatchObject({ status: 503, retryAfter: '5', body: PG_DOWN });
    await relay.up();
    await eventually(async () => ((await get('/probe/quick')).status === 200 ? true : undefined), 10000, 'PostgreSQL back');
  });
});

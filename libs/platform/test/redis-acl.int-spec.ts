import { loadPlatformConfig, redisConnection, type ServiceName } from '@sunshine/platform';
import { eventually, infraEnv, localServiceEnv, uniquePrefix } from '@sunshine/testing';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';

// Redis 按服务分权 (issue 18): deploy/local/infra.sh gives each service an ACL user (REDIS_URL_<SERVICE>) limited to
// its own keys: supervision's user runs its BullMQ queue; notification's user is refused supervision's keys (NOPERM),
// and no service user may run admin or keyspace-wide commands.
describe('Redis: an ACL user per service, limited to its own keys', () => {
  const prefix = `bull.${uniquePrefix('ra')}`;
  const env = localServiceEnv();
  const closers: (() => Promise<unknown>)[] = [];

  function url(service: ServiceName): string {
    return loadPlatformConfig(service, { ...env, AUTH_PUBLIC_KEY: 'unused', KAFKA_BROKERS: '127.0.0.1:9092' }).redis.url;
  }

  function client(service: ServiceName): Redis {
    const redis = new Redis(url(service), { maxRetriesPerRequest: 1 });
    closers.push(async () => redis.disconnect());
    return redis;
  }

  function queue(service: ServiceName, name: string): Queue {
    const q = new Queue(name, { connection: redisConnection(url(service)), prefix });
    closers.push(() => q.close());
    return q;
  }

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    const admin = new Redis(infraEnv().redisUrl);
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  it("supervision's user runs its own queue: a job added is processed", async () => {
    expect(url('supervision')).toMatch(/^redis:\/\/sunshine-supervision:/);
    const done: string[] = [];
    const worker = new Worker<{ n: number }>('supervision-due-check', async (job) => void done.push(`${job.name}:${job.data.n}`), {
      connection: redisConnection(url('supervision')),
      prefix,
    });
    closers.push(() => worker.close());
    await queue('supervision', 'supervision-due-check').add('due', { n: 7 });
    expect(await eventually(async () => (done.length === 1 ? done : undefined), 30000, 'the job')).toEqual(['due:7']);
  });

  it("notification's user is refused supervision's keys and queue (NOPERM), while its own queue takes a job", async () => {
    const notification = client('notification');
    await expect(notification.get(`${prefix}:supervision-due-check:meta`)).rejects.toThrow(/NOPERM/);
    await expect(notification.del(`${prefix}:supervision-due-check:id`)).rejects.toThrow(/NOPERM/);
    await expect(queue('notification', 'supervision-due-check').add('planted', { n: 1 })).rejects.toThrow(/NOPERM/);
    const own = await queue('notification', 'notification.sms').add('sms', { n: 2 });
    expect(own.id).toBe('1');
    await expect(client('intake').get(`${prefix}:notification.sms:id`)).rejects.toThrow(/NOPERM/);
    const admin = new Redis(infraEnv().redisUrl);
    closers.push(async () => admin.disconnect());
    expect(await admin.get(`${prefix}:supervision-due-check:id`)).toBe('1');
  });

  it('no service user may run admin or keyspace-wide commands', async () => {
    const routing = client('routing');
    await expect(routing.config('GET', 'maxmemory')).rejects.toThrow(/NOPERM/);
    await expect(routing.flushall()).rejects.toThrow(/NOPERM/);
    await expect(routing.keys('*')).rejects.toThrow(/NOPERM/);
    await expect(routing.call('ACL', 'LIST')).rejects.toThrow(/NOPERM/);
    expect(await routing.ping()).toBe('PONG');
  });
});

import { randomBytes } from 'node:crypto';

import { Topics } from '@sunshine/contracts';
import { divisionLineage } from '@sunshine/domain';
import { createOrderedProducer, loadDemoOrg, newEvent } from '@sunshine/platform';
import { DEMO_COUNTY, DEMO_DONGTUN, DEMO_UNITS, eventually, forSuite, freePort, signedMessage } from '@sunshine/testing';

import type { FixtureProcess } from './support/fixture-process';
import { TestRun } from './support/test-run';

const INTAKE = 'apps/intake/src/main.ts';

interface Readiness {
  status: string;
  details?: { messaging?: { status: string; broker: string; consumer: { state: string } | null; outboxBacklog: number | null } };
}

// A real intake process (bootstrapService, from TypeScript): HTTP serves before its consumer has joined the group, and
// readiness stays 200 through a Kafka outage while registrations go to the outbox.
describe('HTTP before Kafka: a restarted service serves at once, readiness reports the consumer', () => {
  const run = forSuite(
    () => TestRun.create('hk'),
    (r) => r.cleanup(),
  );
  const keys = {
    PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_CURRENT_KEY: 'k1',
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };

  async function startIntake(name: string, env: Record<string, string> = {}): Promise<{ process: FixtureProcess; url: string }> {
    const port = await freePort();
    const process = run.start(name, INTAKE, {
      ...keys,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ATTACHMENT_DIR: 'tmp/int-attachments',
      ...env,
    });
    return { process, url: `http://127.0.0.1:${port}` };
  }

  async function ready(url: string): Promise<{ status: number; body: Readiness } | undefined> {
    try {
      const res = await fetch(`${url}/health/ready`);
      return { status: res.status, body: (await res.json()) as Readiness };
    } catch {
      return undefined; // not listening yet
    }
  }

  async function register(url: string): Promise<number> {
    const token = await run.keys.token({ sub: 'clerk-1', unit: DEMO_UNITS.countyBureau, division: DEMO_COUNTY, roles: ['clerk'] });
    const res = await fetch(`${url}/petitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'visit',
        receivedAt: new Date().toISOString(),
        type: 'claim',
        category: 'labour',
        placeCode: DEMO_DONGTUN,
        subject: '拖欠农民工工资',
        content: '工程结束后老板拖欠工资三个月未付，请求帮助追讨。',
        petitioner: { name: '张三', phone: '13800138000' },
        form: { kind: 'individual' },
      }),
    });
    return res.status;
  }

  it('listens before the group join after a kill -9, and stays ready and registering while Kafka is unreachable', async () => {
    // First life: consume the directory (a petition is registered only for known units), then crash.
    const first = await startIntake('intake-1');
    await eventually(
      async () => ((await ready(first.url))?.body.details?.messaging?.consumer?.state === 'consuming' ? true : undefined),
      90000,
      'first consumer',
    );
    const org = await loadDemoOrg();
    const units = org.units.filter((u) => u.divisionCode.startsWith('410726101') || u.divisionCode === DEMO_COUNTY);
    const producer = createOrderedProducer(run.kafka);
    await producer.connect();
    await producer.send({
      topic: run.topic(Topics.orgDirectory),
      acks: -1,
      messages: units.map((u) =>
        signedMessage(
          run.keys,
          Topics.orgDirectory,
          u.id,
          newEvent('org.unit-snapshot', u, {
            jurisdiction: { place: [], unit: divisionLineage(u.divisionCode).slice(1) },
            actor: { kind: 'system', id: 'hk-seed' },
          }),
        ),
      ),
    });
    await producer.disconnect();
    await eventually(
      async () =>
        (await run.count(`SELECT count(*) AS n FROM "${run.schema('intake')}".directory_units`)) >= units.length ? true : undefined,
      60000,
      'the directory replica',
    );
    expect(await register(first.url)).toBe(201);
    await first.process.kill('SIGKILL');

    // Second life, with a 30 s session: the group waits out the dead member, HTTP does not.
    const second = await startIntake('intake-2', { CONSUMER_SESSION_TIMEOUT_MS: '30000' });
    const firstAnswer = await eventually(async () => ready(second.url), 60000, 'the second intake to answer');
    expect(firstAnswer.status).toBe(200);
    expect(firstAnswer.body.details?.messaging).toMatchObject({ status: 'up', broker: 'reachable', consumer: { state: 'starting' } });
    expect(await register(second.url)).toBe(201);
    await second.process.kill('SIGKILL');

    // Third life, Kafka unreachable (a closed port): ready, registering into the outbox, the backlog reported.
    const third = await startIntake('intake-3', { KAFKA_BROKERS: `127.0.0.1:${await freePort()}` });
    const outage = await eventually(async () => ready(third.url), 60000, 'the third intake to answer');
    expect(outage.status).toBe(200);
    expect(outage.body.details?.messaging).toMatchObject({ status: 'up', broker: 'unreachable' });
    expect(['starting', 'restarting']).toContain(outage.body.details?.messaging?.consumer?.state);
    expect(await register(third.url)).toBe(201);
    expect(await register(third.url)).toBe(201);
    const after = await ready(third.url);
    expect(after?.status).toBe(200);
    expect(after?.body.details?.messaging?.outboxBacklog).toBeGreaterThanOrEqual(2);
    await third.process.kill('SIGTERM');
  }, 300000);
});

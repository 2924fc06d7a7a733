import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

import type { ServiceName } from '@sunshine/platform';
import { eventually, http, type ServiceHarness } from '@sunshine/testing';

import { claims, startWithDirectory } from './fixtures';

const SERVICES: ServiceName[] = ['intake', 'routing', 'supervision', 'notification', 'evaluation'];
const INFRA = resolve(__dirname, '../deploy/local/infra.sh');

interface Health {
  status: string;
  error?: Record<string, { status: string; message?: string }>;
  details?: Record<string, { status: string }>;
}

// Every service boots on the real infrastructure, answers its probes, names a dependency that is down, and
// refuses requests without a valid token.
describe('the platform boots', () => {
  let h: ServiceHarness;

  beforeAll(async () => {
    // The directory seeded: the ops endpoints bind ops to a city-level unit of it (issue 17).
    h = await startWithDirectory('small', { services: SERVICES });
  });

  afterAll(async () => {
    execFileSync('bash', [INFRA, 'start-postgres'], { stdio: 'ignore' });
    await h?.stopAll();
  });

  it('answers health and readiness on every service', async () => {
    for (const s of SERVICES) {
      expect((await http('GET', `${h.url(s)}/health/live`)).status).toBe(200);
      const ready = await http<Health>('GET', `${h.url(s)}/health/ready`);
      expect(ready.status).toBe(200);
      // Kafka is reported under messaging (broker, the consumer's state, the outbox backlog), never as unready.
      expect(Object.keys(ready.body.details ?? {}).sort()).toEqual(['messaging', 'postgresql', 'redis']);
      expect(ready.body.details?.['messaging']).toMatchObject({ status: 'up', broker: 'reachable', consumer: { state: 'consuming' } });
    }
  });

  it('answers 401 without a token, with a bad one and with an expired one, 403 to a county’s ops, and 200 to the city’s', async () => {
    const ok = await h.keys.token({ ...claims('cityBureau'), roles: ['ops'] });
    const expired = await h.keys.token({ ...claims('cityBureau'), roles: ['ops'] }, -60);
    const county = await h.keys.token({ ...claims('countyBureau'), roles: ['ops'] });
    for (const s of SERVICES) {
      const url = `${h.url(s)}/ops/messaging/stats`;
      const none = await http<{ code: string }>('GET', url);
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('TOKEN_MISSING');
      expect((await http<{ code: string }>('GET', url, { token: 'abc.def.ghi' })).status).toBe(401);
      const late = await http<{ code: string }>('GET', url, { token: expired });
      expect(late.status).toBe(401);
      expect(late.body.code).toBe('TOKEN_EXPIRED');
      // Each service's directory replica gets the seeded city bureau on its own time.
      await eventually(
        async () => ((await http('GET', url, { token: ok })).status === 200 ? true : undefined),
        60000,
        `${s} to know the city's bureau`,
      );
      const refused = await http<{ code: string }>('GET', url, { token: county });
      expect([s, refused.status, refused.body.code]).toEqual([s, 403, 'CITY_LEVEL_REQUIRED']);
    }
  });

  it('answers 503 naming PostgreSQL while PostgreSQL is stopped, and recovers when it is back', async () => {
    execFileSync('bash', [INFRA, 'stop-postgres'], { stdio: 'ignore' });
    for (const s of SERVICES) {
      const down = await eventually(
        async () => {
          const res = await http<Health>('GET', `${h.url(s)}/health/ready`);
          return res.status === 503 ? res : undefined;
        },
        20000,
        `${s} to report PostgreSQL down`,
      );
      expect(down.body.error?.['postgresql']?.status).toBe('down');
      expect(down.body.error?.['messaging']).toBeUndefined();
      expect(down.body.error?.['redis']).toBeUndefined();
    }
    execFileSync('bash', [INFRA, 'start-postgres'], { stdio: 'ignore' });
    for (const s of SERVICES) {
      await eventually(
        async () => ((await http('GET', `${h.url(s)}/health/ready`)).status === 200 ? true : undefined),
        30000,
        `${s} to recover`,
      );
    }
  });
});

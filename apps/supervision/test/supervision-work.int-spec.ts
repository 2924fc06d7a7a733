import type { AlertEarlyWarning } from '@sunshine/contracts';
import { eventually } from '@sunshine/testing';

import { CaseScript } from './support/case-events';
import { DONGTUN, FENGZHUANG, UNITS } from './support/directory';
import { SupervisionWorld } from './support/supervision-world';

const ALERTS = {
  spikeWindowHours: 24,
  thresholds: { collectiveHeadCount: 20, majorHeadCount: 50, spikeCount: 5 },
  sensitivePeriods: [{ label: '全国两会', from: '2026-03-01', to: '2026-03-15', thresholds: { collectiveHeadCount: 10, spikeCount: 3 } }],
};

describe('early warnings, urgent matters, leaders in charge and the backlog register', () => {
  const world = SupervisionWorld.forSuite('2026-03-05T00:00:00.000Z', { SUPERVISION_ALERTS: JSON.stringify(ALERTS) });

  const alertsFor = async (caseId: string): Promise<AlertEarlyWarning[]> =>
    (await world.sql<{ value: { payload: AlertEarlyWarning } }>(`SELECT value FROM outbox WHERE type = 'alert.early-warning' ORDER BY seq`))
      .map((r) => r.value.payload)
      .filter((p) => p.caseIds.includes(caseId));
  const collective = (headCount: number) => ({ form: { kind: 'collective' as const, headCount, representatives: 5 } });

  it('warns of a collective visit from the lower threshold of a sensitive period, and reports a major one up at once (Art 25)', async () => {
    const during = new CaseScript(world);
    const major = new CaseScript(world);
    const after = new CaseScript(world);
    await during.registered('2026-03-05T02:00:00.000Z', collective(12));
    await major.registered('2026-03-05T03:00:00.000Z', collective(60));
    await after.registered('2026-04-01T02:00:00.000Z', collective(12));
    expect(await alertsFor(during.caseId)).toEqual([
      expect.objectContaining({
        kind: 'collective-visit',
        level: 'warning',
        divisionCode: DONGTUN,
        count: 12,
        threshold: 10,
        sensitivePeriod: '全国两会',
      }),
    ]);
    expect(await alertsFor(major.caseId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'collective-visit', level: 'major', count: 60, threshold: 50 }),
        expect.objectContaining({ kind: 'urgent-matter', level: 'major' }),
      ]),
    );
    const [reported] = await world.written(major.caseId, 'case.reported-up');
    expect(reported?.payload).toMatchObject({
      unitId: UNITS.countyBureau,
      kind: 'major',
      toUnitIds: [UNITS.countyParty, UNITS.countyGov, UNITS.cityBureau],
    });
    expect(await alertsFor(after.caseId)).toEqual([]);
    const keys = await world.sql<{ message_key: string }>(`SELECT DISTINCT message_key FROM outbox WHERE type = 'alert.early-warning'`);
    expect(keys.map((k) => k.message_key)).toEqual([DONGTUN]);
  });

  it('warns once of a spike of one category in one township within the window', async () => {
    const cases = [0, 1, 2, 3].map(() => new CaseScript(world));
    const elsewhere = new CaseScript(world);
    await elsewhere.registered('2026-03-06T01:00:00.000Z', { placeCode: FENGZHUANG, category: 'environment' });
    for (const [i, c] of cases.entries()) await c.registered(`2026-03-06T0${2 + i}:00:00.000Z`, { category: 'environment' });
    const spikes = (await alertsFor(cases[2]?.caseId ?? '')).filter((a) => a.kind === 'category-spike');
    expect(spikes).toEqual([
      expect.objectContaining({ divisionCode: DONGTUN, category: 'environment', count: 3, threshold: 3, windowHours: 24 }),
    ]);
    expect(spikes[0]?.caseIds).not.toContain(elsewhere.caseId);
    expect((await alertsFor(cases[3]?.caseId ?? '')).filter((a) => a.kind === 'category-spike')).toEqual([]);
    const listed = await world.call<Array<{ kind: string }>>('GET', '/alerts', undefined, await world.token('countyBureau'));
    expect(listed.body.map((a) => a.kind)).toContain('category-spike');
    expect((await world.call<unknown[]>('GET', '/alerts', undefined, await world.token('hrss'))).body).toEqual([]);
  });

  it('reports an urgent matter up by hand (bureaus only) and assigns a leader in charge, on the leader’s own list', async () => {
    const c = new CaseScript(world);
    await c.registered('2026-03-07T02:00:00.000Z');
    await c.dispatched('2026-03-07T03:00:00.000Z');
    const body = { kind: 'urgent', reason: { code: 'self-harm-threat', text: '信访人情绪激动' } };
    expect((await world.call('POST', `/cases/${c.caseId}/report-up`, body, await world.token('hrss'))).status).toBe(403);
    const reported = await world.call<{ toUnitIds: string[] }>(
      'POST',
      `/cases/${c.caseId}/report-up`,
      body,
      await world.token('countyBureau'),
    );
    expect(reported.status).toBe(200);
    expect(reported.body.toUnitIds).toEqual([UNITS.countyParty, UNITS.countyGov, UNITS.cityBureau]);

    const leader = await world.keys.token({ sub: 'leader-zhang', unit: UNITS.countyGov, division: '410726000000', roles: ['leader'] });
    const assigned = await world.call<{ caseId: string; leaderRef: string }>(
      'POST',
      `/cases/${c.caseId}/leader`,
      { reason: { code: 'reception-day' } },
      leader,
    );
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ caseId: c.caseId, leaderRef: 'leader-zhang' });
    expect((await world.written(c.caseId, 'case.leader-assigned'))[0]?.payload).toMatchObject({
      leaderRef: 'leader-zhang',
      unitId: UNITS.countyGov,
    });
    const mine = await world.call<Array<{ caseId: string }>>('GET', '/leader/cases', undefined, leader);
    expect(mine.body.map((i) => i.caseId)).toEqual([c.caseId]);
    const outsider = await world.keys.token({ sub: 'leader-li', unit: UNITS.fengzhuang, division: '410726102000', roles: ['leader'] });
    expect((await world.call('POST', `/cases/${c.caseId}/leader`, {}, outsider)).status).toBe(404);
  });

  it('registers a case unresolved for 3 years as 积案, keeps its plan, and clears it only when the case is resolved', async () => {
    const old = new CaseScript(world);
    const younger = new CaseScript(world);
    // Registered 2023-03-01: 1095 days later is 2026-02-28; on 2026-03-08 the cut-off is 2023-03-09.
    await world.at('2026-02-20T00:00:00.000Z');
    await old.registered('2023-03-01T02:00:00.000Z');
    await old.dispatched('2023-03-02T02:00:00.000Z');
    await younger.registered('2023-03-10T02:00:00.000Z');
    await world.at('2026-03-08T00:00:00.000Z');
    const [registered] = await eventually(
      async () => {
        const events = await world.written(old.caseId, 'case.backlog-registered');
        return events.length > 0 ? events : undefined;
      },
      30000,
      'the backlog registration',
    );
    expect(registered?.payload).toMatchObject({ unitId: UNITS.hrss, reason: { code: 'age-exceeded' } });
    expect(await world.written(younger.caseId, 'case.backlog-registered')).toEqual([]);

    const county = await world.token('countyBureau');
    const plan = await world.call<{ plan: string; status: string }>(
      'PUT',
      `/cases/${old.caseId}/backlog/plan`,
      { plan: '县领导包案，分期兑付欠薪', planDueDate: '2026-06-30' },
      county,
    );
    expect(plan.body).toMatchObject({ plan: '县领导包案，分期兑付欠薪', status: 'registered' });
    // An update changes only what it names: a new plan keeps the due date, a new date keeps the plan.
    const replanned = await world.call<{ plan: string; planDueDate: string | null }>(
      'PUT',
      `/cases/${old.caseId}/backlog/plan`,
      { plan: '县领导包案，分三期兑付欠薪' },
      county,
    );
    expect(replanned.body).toMatchObject({ plan: '县领导包案，分三期兑付欠薪', planDueDate: '2026-06-30' });
    const redated = await world.call<{ plan: string; planDueDate: string | null }>(
      'PUT',
      `/cases/${old.caseId}/backlog/plan`,
      { planDueDate: '2026-07-31' },
      county,
    );
    expect(redated.body).toMatchObject({ plan: '县领导包案，分三期兑付欠薪', planDueDate: '2026-07-31' });
    expect((await world.call('PUT', `/cases/${old.caseId}/backlog/plan`, {}, county)).status).toBe(400);
    await old.replied('2026-03-09T02:00:00.000Z');
    expect(
      (await world.call<Array<{ caseId: string; status: string }>>('GET', '/backlog', undefined, county)).body.find(
        (b) => b.caseId === old.caseId,
      ),
    ).toMatchObject({ status: 'registered' });
    await old.closed('2026-03-10T02:00:00.000Z');
    await eventually(
      async () => ((await world.written(old.caseId, 'case.backlog-cleared')).length === 1 ? true : undefined),
      30000,
      'the backlog cleared',
    );
    const listed = await world.call<Array<{ caseId: string; status: string }>>('GET', '/backlog?status=cleared', undefined, county);
    expect(listed.body.find((b) => b.caseId === old.caseId)).toMatchObject({ status: 'cleared' });
  });
});

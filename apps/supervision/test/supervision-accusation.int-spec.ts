import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { MessageEvent } from '@nestjs/common';
import { CaseVisibility, type StaffPrincipal } from '@sunshine/platform';
import { eventually } from '@sunshine/testing';
import type { Subscription } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';

import { FeedService } from '../src/feed/feed.service';
import { CaseScript } from './support/case-events';
import { UNITS } from './support/directory';
import { SupervisionWorld, type UnitKey } from './support/supervision-world';

const ALL_ROLES = ['clerk', 'handler', 'head', 'dispatcher', 'supervisor', 'leader'] as const;
const ACCUSED_SIDE: readonly UnitKey[] = ['dongtun', 'dongtunOffice'];
const FEEDS: readonly UnitKey[] = [...ACCUSED_SIDE, 'countyDiscipline', 'countyBureau'];

// 《信访工作条例》第30、46条: an accusation against 东屯镇人民政府, registered at 延津县信访局 and sent to 延津县纪委监委. The
// accused government and its petition office see nothing of it on any endpoint of supervision; the discipline
// commission and the registering bureau do. Dispatched Mon 3/2 → acceptance due Tue 3/17 24:00 Shanghai.
describe('an accusation against a township, in supervision (Art 30, 46)', () => {
  // Routing's staff register (GET /org/users/:subject), which supervision reads to check a leader in charge (包案): in
  // this test of supervision alone, a fixture answering as routing does (the services together: e2e).
  const STAFF: Record<string, { unitId: string; roles: string[]; active: boolean }> = {
    'discipline-leader': { unitId: UNITS.countyDiscipline, roles: ['leader'], active: true },
    'dongtun-leader': { unitId: UNITS.dongtun, roles: ['leader'], active: true },
  };
  const staffRegister: Server = createServer((req, res) => {
    const subject = decodeURIComponent(/^\/org\/users\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '');
    const user = STAFF[subject];
    res.writeHead(user ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(user ? { subject, ...user } : { code: 'USER_NOT_FOUND' }));
  });
  const env: Record<string, string> = {};
  beforeAll(async () => {
    await new Promise<void>((r) => staffRegister.listen(0, '127.0.0.1', r));
    env['ROUTING_URL'] = `http://127.0.0.1:${(staffRegister.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => staffRegister.close(() => r())));
  const world = SupervisionWorld.forSuite('2026-03-02T00:00:00.000Z', env);
  const accusation = new CaseScript(world);
  const control = new CaseScript(world);
  const fed = new Map<UnitKey, Array<{ caseId: string; status: string }>>();
  const subscriptions: Subscription[] = [];

  const get = async <T>(path: string, unit: UnitKey) => world.call<T>('GET', path, undefined, await world.token(unit, [...ALL_ROLES]));
  const send = async (method: string, path: string, body: unknown, unit: UnitKey) =>
    world.call(method, path, body, await world.token(unit, [...ALL_ROLES]));

  beforeAll(async () => {
    const app = world.app;
    if (!app) throw new Error('supervision is not running');
    for (const unit of FEEDS) {
      const staff: StaffPrincipal = {
        subject: `${unit}-staff`,
        unitId: UNITS[unit],
        roles: [...ALL_ROLES],
        divisionCode: UNITS[unit].slice(0, 12),
        token: '',
      };
      const seen: Array<{ caseId: string; status: string }> = [];
      fed.set(unit, seen);
      const stream = app.get(FeedService).stream(await app.get(CaseVisibility).viewer(staff));
      subscriptions.push(
        stream.subscribe((m: MessageEvent) => {
          if (m.type === 'status') seen.push(m.data as { caseId: string; status: string });
        }),
      );
    }
    await accusation.registered('2026-03-02T01:00:00.000Z', {
      type: 'accusation',
      category: 'other',
      accusedUnitId: UNITS.dongtun,
      form: { kind: 'collective', headCount: 60, representatives: 5 },
    });
    await accusation.dispatched('2026-03-02T02:00:00.000Z', UNITS.countyDiscipline);
    await control.registered('2026-03-02T01:00:00.000Z');
    await control.dispatched('2026-03-02T02:00:00.000Z', UNITS.dongtun);
    // The acceptance clock runs out: the city discipline commission's order to the county's (拖延; on an accusation the
    // discipline chain supervises, never a bureau: issue 17).
    await world.at('2026-03-17T16:00:00.000Z');
    await eventually(
      async () => ((await world.written(accusation.caseId, 'case.supervision-order-issued')).length > 0 ? true : undefined),
      30000,
      'the order',
    );
    const leader = await send('POST', `/cases/${accusation.caseId}/leader`, {}, 'countyDiscipline');
    expect(leader.status).toBe(201);
  });

  afterAll(() => {
    for (const s of subscriptions) s.unsubscribe();
  });

  it('shows the case, its clocks, order and warning to the discipline commission and the registering bureau', async () => {
    const view = await get<{ status: string; holdingUnitId: string; timeline: Array<{ type: string }> }>(
      `/cases/${accusation.caseId}`,
      'countyDiscipline',
    );
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'dispatched', holdingUnitId: UNITS.countyDiscipline });
    // The warnings' instants passed with the due: skipped, not raised. The major collective visit was reported up at once.
    expect(view.body.timeline.map((t) => t.type)).toEqual([
      'petition.registered',
      'case.reported-up',
      'case.dispatched',
      'case.overdue',
      'case.supervision-order-issued',
      'case.leader-assigned',
    ]);
    for (const unit of ['countyDiscipline', 'countyBureau'] as const) {
      expect([unit, (await get(`/cases/${accusation.caseId}`, unit)).status]).toEqual([unit, 200]);
      expect([unit, JSON.stringify((await get('/cases?limit=500', unit)).body)]).toEqual([
        unit,
        expect.stringContaining(accusation.caseId),
      ]);
      expect([unit, JSON.stringify((await get('/clocks?status=overdue', unit)).body)]).toEqual([
        unit,
        expect.stringContaining(accusation.caseId),
      ]);
    }
    const received = await get<Array<{ caseId: string; trigger: string; byUnitId: string }>>(
      '/supervision-orders?direction=received',
      'countyDiscipline',
    );
    expect(received.body.find((o) => o.caseId === accusation.caseId)).toMatchObject({ trigger: 'overdue', byUnitId: UNITS.cityDiscipline });
    const alerts = await get<Array<{ kind: string; caseIds: string[] }>>('/alerts?limit=500', 'countyBureau');
    expect(alerts.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'collective-visit', caseIds: [accusation.caseId] })]),
    );
    expect((await get<Array<{ caseId: string }>>('/leader/cases', 'countyDiscipline')).body.map((c) => c.caseId)).toEqual([
      accusation.caseId,
    ]);
  });

  it('answers the accused government and its petition office as for a case that does not exist, on every endpoint', async () => {
    const ghost = uuidv7();
    for (const unit of ACCUSED_SIDE) {
      expect((await send('GET', `/cases/${accusation.caseId}`, undefined, unit)).body).toMatchObject({ code: 'CASE_NOT_FOUND' });
      for (const [method, path, body] of [
        ['GET', '/cases/{id}', undefined],
        ['POST', '/cases/{id}/leader', {}],
        ['POST', '/cases/{id}/supervision-orders', { unitId: UNITS.dongtun, trigger: 'delay', reason: { code: 'slow-handling' } }],
        ['POST', '/cases/{id}/report-up', { kind: 'urgent', reason: { code: 'urgent' } }],
        ['POST', '/cases/{id}/backlog', { plan: '制定化解方案', reason: { code: 'manual' } }],
        ['PUT', '/cases/{id}/backlog/plan', { plan: '更新化解方案' }],
      ] as const) {
        const real = await send(method, path.replace('{id}', accusation.caseId), body, unit);
        const none = await send(method, path.replace('{id}', ghost), body, unit);
        expect([unit, method, path, real.status, real.body['code']]).toEqual([unit, method, path, none.status, none.body['code']]);
        expect([unit, method, path, real.status >= 400]).toEqual([unit, method, path, true]);
      }
      for (const path of [
        '/cases?limit=500',
        '/cases?type=accusation&limit=500',
        '/cases?overdue=true&limit=500',
        '/clocks?limit=1000',
        '/clocks?status=running,paused,overdue,satisfied,ended,expired,lapsed&limit=1000',
        '/alerts?limit=500',
        '/backlog',
        '/escalations?limit=500',
        `/escalations?caseId=${accusation.caseId}`,
        '/supervision-orders?direction=received',
        '/supervision-orders?direction=issued',
        '/leader/cases',
      ]) {
        const listed = await get(path, unit);
        expect([unit, path, listed.status]).toEqual([unit, path, 200]);
        expect([unit, path, JSON.stringify(listed.body).includes(accusation.caseId)]).toEqual([unit, path, false]);
      }
      // Control: the township's own claim is there.
      expect([unit, JSON.stringify((await get('/cases?limit=500', unit)).body).includes(control.caseId)]).toEqual([unit, true]);
    }
  });

  // Issue 17, door 7: through supervision the accused township's own 信访办 ordered the accused unit, which saw and
  // answered it, and named a leader of the accused unit. Orders, reminders and 包案 on an accusation: only by and to the
  // discipline-inspection chain; orders only to units the directory knows that may see the case.
  it('lets only the discipline chain order, chase and take charge of an accusation, and never the accused side', async () => {
    const order = (unitId: string) => ({
      unitId,
      trigger: 'delay',
      answerDays: 5,
      reason: { code: 'slow-handling', text: '办理进度缓慢' },
    });
    const issue = (by: UnitKey, unitId: string) => send('POST', `/cases/${accusation.caseId}/supervision-orders`, order(unitId), by);

    // The registering bureau sees the facts, but is no organ of the chain: it orders no one, not even the commission.
    for (const to of [UNITS.dongtun, UNITS.dongtunOffice, UNITS.countyDiscipline]) {
      const refused = await issue('countyBureau', to);
      expect([to, refused.status, refused.body['code']]).toEqual([to, 403, 'DISCIPLINE_CHAIN_ONLY']);
    }
    // The commission orders no unit of the accused side, no unit outside the chain, no unit the directory does not know.
    for (const [to, status, code] of [
      [UNITS.dongtun, 422, 'ORDER_UNIT_CANNOT_SEE_CASE'],
      [UNITS.dongtunOffice, 422, 'ORDER_UNIT_CANNOT_SEE_CASE'],
      [UNITS.countyGov, 422, 'ORDER_UNIT_CANNOT_SEE_CASE'],
      [UNITS.countyBureau, 422, 'ORDER_DISCIPLINE_CHAIN_ONLY'],
      ['410726101000:no-such-unit', 422, 'ORDER_UNIT_UNKNOWN'],
    ] as const) {
      const refused = await issue('countyDiscipline', to);
      expect([to, refused.status, refused.body['code']]).toEqual([to, status, code]);
    }
    // The city's commission, above it in the chain, orders the county's; and chases it.
    const issued = await issue('cityDiscipline', UNITS.countyDiscipline);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ unitId: UNITS.countyDiscipline, byUnitId: UNITS.cityDiscipline, status: 'open' });
    const orderId = String(issued.body['orderId']);
    expect((await send('POST', `/supervision-orders/${orderId}/reminders`, { note: '请抓紧办理' }, 'cityDiscipline')).status).toBe(201);
    // The registering bureau cannot chase or answer it; nobody outside the chain sees it.
    for (const unit of ['countyBureau', 'dongtun', 'dongtunOffice'] as const) {
      expect([unit, (await send('POST', `/supervision-orders/${orderId}/reminders`, {}, unit)).status]).toEqual([unit, 404]);
      expect([unit, (await send('POST', `/supervision-orders/${orderId}/answer`, { summary: '已办理' }, unit)).status]).toEqual([
        unit,
        404,
      ]);
    }

    // 包案: the registering bureau may not put a leader (its own, or the accused township's) in charge of the accusation.
    for (const body of [{}, { leaderRef: 'dongtun-leader' }]) {
      const refused = await send('POST', `/cases/${accusation.caseId}/leader`, body, 'countyBureau');
      expect([refused.status, refused.body['code']]).toEqual([403, 'DISCIPLINE_CHAIN_ONLY']);
    }
    // The leader is a registered leader of a unit that may know of the case: never free text, never the accused side's.
    const named = async (leaderRef: string) => send('POST', `/cases/${accusation.caseId}/leader`, { leaderRef }, 'countyDiscipline');
    const free = await named('张书记');
    expect([free.status, free.body['code']]).toEqual([422, 'LEADER_NOT_STAFF']);
    const accusedSide = await named('dongtun-leader');
    expect([accusedSide.status, accusedSide.body['code']]).toEqual([422, 'LEADER_UNIT_CANNOT_SEE_CASE']);
    const led = await named('discipline-leader');
    expect([led.status, led.body['leaderRef'], led.body['leaderUnitId']]).toEqual([201, 'discipline-leader', UNITS.countyDiscipline]);
    expect(JSON.stringify((await get('/leader/cases', 'dongtun')).body)).not.toContain(accusation.caseId);

    // Nothing supervision wrote on the accusation's log names a unit of the accused side; every order is the chain's.
    const orders = await world.written(accusation.caseId, 'case.supervision-order-issued');
    expect(orders.map((e) => [e.payload.byUnitId, e.payload.unitId])).toEqual([
      [UNITS.cityDiscipline, UNITS.countyDiscipline],
      [UNITS.cityDiscipline, UNITS.countyDiscipline],
    ]);
    const written = await world.sql<{ value: string }>(`SELECT value::text AS value FROM outbox WHERE message_key = $1`, [
      accusation.caseId,
    ]);
    for (const unit of [UNITS.dongtun, UNITS.dongtunOffice])
      expect([unit, written.some((r) => r.value.includes(unit))]).toEqual([unit, false]);
  });

  it('orders on an open case only units the directory knows that may see it', async () => {
    const issue = (unitId: string) =>
      send(
        'POST',
        `/cases/${control.caseId}/supervision-orders`,
        { unitId, trigger: 'delay', reason: { code: 'slow-handling' } },
        'countyBureau',
      );
    const unknown = await issue('410726101000:no-such-unit');
    expect([unknown.status, unknown.body['code']]).toEqual([422, 'ORDER_UNIT_UNKNOWN']);
    expect(unknown.body['message']).toMatchObject({ zh: expect.stringContaining('单位目录中没有该单位') });
    // 冯庄镇 is neither a holder nor over the place (东屯镇).
    const blind = await issue(UNITS.fengzhuang);
    expect([blind.status, blind.body['code']]).toEqual([422, 'ORDER_UNIT_CANNOT_SEE_CASE']);
    const holder = await issue(UNITS.dongtun);
    expect([holder.status, holder.body['unitId']]).toEqual([201, UNITS.dongtun]);
  });

  it('never sends the accusation on the live feed to the accused side, and does to the discipline commission', async () => {
    await eventually(
      async () => (fed.get('dongtunOffice')?.some((c) => c.caseId === control.caseId && c.status === 'dispatched') ? true : undefined),
      30000,
      'the office’s feed',
    );
    for (const unit of ACCUSED_SIDE) expect([unit, fed.get(unit)?.filter((c) => c.caseId === accusation.caseId)]).toEqual([unit, []]);
    expect(
      fed
        .get('countyDiscipline')
        ?.filter((c) => c.caseId === accusation.caseId)
        .map((c) => c.status),
    ).toEqual(['registered', 'dispatched']);
    expect(
      fed
        .get('countyBureau')
        ?.filter((c) => c.caseId === accusation.caseId)
        .map((c) => c.status),
    ).toEqual(['registered', 'dispatched']);
  });
});

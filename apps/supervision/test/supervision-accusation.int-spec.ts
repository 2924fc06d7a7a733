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
  const world = SupervisionWorld.forSuite('2026-03-02T00:00:00.000Z');
  const accusation = new CaseScript(world);
  const control = new CaseScript(world);
  const fed = new Map<UnitKey, Array<{ caseId: string; status: string }>>();
  const subscriptions: Subscription[] = [];

  const get = async <T>(path: string, unit: UnitKey) => world.call<T>('GET', path, undefined, await world.token(unit, [...ALL_ROLES]));
  const send = async (method: string, path: string, body: unknown, unit: UnitKey) => world.call(method, path, body, await world.token(unit, [...ALL_ROLES]));

  beforeAll(async () => {
    const app = world.app;
    if (!app) throw new Error('supervision is not running');
    for (const unit of FEEDS) {
      const staff: StaffPrincipal = { subject: `${unit}-staff`, unitId: UNITS[unit], roles: [...ALL_ROLES], divisionCode: UNITS[unit].slice(0, 12), token: '' };
      const seen: Array<{ caseId: string; status: string }> = [];
      fed.set(unit, seen);
      const stream = app.get(FeedService).stream(await app.get(CaseVisibility).viewer(staff));
      subscriptions.push(stream.subscribe((m: MessageEvent) => {
        if (m.type === 'status') seen.push(m.data as { caseId: string; status: string });
      }));
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
    // The acceptance clock runs out: the county bureau's order to the discipline commission (拖延).
    await world.at('2026-03-17T16:00:00.000Z');
    await eventually(async () => ((await world.written(accusation.caseId, 'case.supervision-order-issued')).length > 0 ? true : undefined), 30000, 'the order');
    const leader = await send('POST', `/cases/${accusation.caseId}/leader`, {}, 'countyDiscipline');
    expect(leader.status).toBe(201);
  });

  afterAll(() => {
    for (const s of subscriptions) s.unsubscribe();
  });

  it('shows the case, its clocks, order and warning to the discipline commission and the registering bureau', async () => {
    const view = await get<{ status: string; holdingUnitId: string; timeline: Array<{ type: string }> }>(`/cases/${accusation.caseId}`, 'countyDiscipline');
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
      expect([unit, JSON.stringify((await get('/cases?limit=500', unit)).body)]).toEqual([unit, expect.stringContaining(accusation.caseId)]);
      expect([unit, JSON.stringify((await get('/clocks?status=overdue', unit)).body)]).toEqual([unit, expect.stringContaining(accusation.caseId)]);
    }
    const received = await get<Array<{ caseId: string; trigger: string; byUnitId: string }>>('/supervision-orders?direction=received', 'countyDiscipline');
    expect(received.body.find((o) => o.caseId === accusation.caseId)).toMatchObject({ trigger: 'overdue', byUnitId: UNITS.countyBureau });
    const alerts = await get<Array<{ kind: string; caseIds: string[] }>>('/alerts?limit=500', 'countyBureau');
    expect(alerts.body).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'collective-visit', caseIds: [accusation.caseId] })]));
    expect((await get<Array<{ caseId: string }>>('/leader/cases', 'countyDiscipline')).body.map((c) => c.caseId)).toEqual([accusation.caseId]);
  });

  it('answers the accused government and its petition office as for a case that does not exist, on every endpoint', async () => {
    const ghost = uuidv7();
    for (const unit of ACCUSED_SIDE) {
      expect((await send('GET', `/cases/${accusation.caseId}`, undefined, unit)).body).toMatchObject({ code: 'CASE_NOT_FOUND' });
      for (const [method, path, body] of [
        ['GET', '/cases/{id}', undefined],
        ['POST', '/cases/{id}/leader', {}],
        ['POST', '/cases/{id}/report-up', { kind: 'urgent', reason: { code: 'urgent' } }],
        ['POST', '/cases/{id}/backlog', { plan: '制定化解方案', reason: { code: 'manual' } }],
        ['PUT', '/cases/{id}/backlog/plan', { plan: '更新化解方案' }],
      ] as const) {
        const real = await send(method, path.replace('{id}', accusation.caseId), body, unit);
        const none = await send(method, path.replace('{id}', ghost), body, unit);
        expect([unit, method, path, real.status, real.body['code']]).toEqual([unit, method, path, none.status, none.body['code']]);
        expect([unit, method, path, real.status >= 400]).toEqual([unit, method, path, true]);
      }
      for (const path of ['/cases?limit=500', '/cases?type=accusation&limit=500', '/cases?overdue=true&limit=500', '/clocks?limit=1000',
        '/clocks?status=running,paused,overdue,satisfied,ended,expired,lapsed&limit=1000', '/alerts?limit=500', '/backlog', '/escalations?limit=500',
        `/escalations?caseId=${accusation.caseId}`, '/supervision-orders?direction=received', '/supervision-orders?direction=issued', '/leader/cases']) {
        const listed = await get(path, unit);
        expect([unit, path, listed.status]).toEqual([unit, path, 200]);
        expect([unit, path, JSON.stringify(listed.body).includes(accusation.caseId)]).toEqual([unit, path, false]);
      }
      // Control: the township's own claim is there.
      expect([unit, JSON.stringify((await get('/cases?limit=500', unit)).body).includes(control.caseId)]).toEqual([unit, true]);
    }
  });

  it('never sends the accusation on the live feed to the accused side, and does to the discipline commission', async () => {
    await eventually(async () => (fed.get('dongtunOffice')?.some((c) => c.caseId === control.caseId && c.status === 'dispatched') ? true : undefined), 30000, 'the office’s feed');
    for (const unit of ACCUSED_SIDE) expect([unit, fed.get(unit)?.filter((c) => c.caseId === accusation.caseId)]).toEqual([unit, []]);
    expect(fed.get('countyDiscipline')?.filter((c) => c.caseId === accusation.caseId).map((c) => c.status)).toEqual(['registered', 'dispatched']);
    expect(fed.get('countyBureau')?.filter((c) => c.caseId === accusation.caseId).map((c) => c.status)).toEqual(['registered', 'dispatched']);
  });
});

import { eventually, http } from '@sunshine/testing';

import { D, DONGTUN, FENGQIU, type Registered, RoutingE2e } from './routing-support';

interface Dispatch {
  hop: number;
  fromUnitId: string;
  toUnitId: string;
  mode: string;
  rule: { id: string };
  reasons: string[];
}
interface Problem {
  code: string;
  message: { zh: string; en: string };
  details?: { reasons?: string[] };
}

// A petition registered at the city bureau goes down level by level to the competent 延津县 department, which works
// it to a served reply; each unit's inbox holds exactly its cases, the bureaus see their territory, the city view
// shows every step; illegal actions are refused with the reason and emit nothing. Five processes, real infrastructure.
describe('routing across levels: 新乡市信访局 → 延津县信访局 → 延津县人社局', () => {
  const e = RoutingE2e.forSuite();
  let a: Registered;

  it('forwards to the county bureau, which assigns to the competent department; each hop one case.dispatched with its reasons', async () => {
    a = await e.register(D.cityBureau, { placeCode: DONGTUN, category: 'labour' });
    await e.waitAt(D.hrss, a.caseId, 'dispatched');
    const hops = await e.call<Dispatch[]>('routing', 'GET', `/cases/${a.caseId}/dispatches`, D.hrss);
    expect(hops.body.map((d) => [d.hop, d.fromUnitId, d.toUnitId, d.mode])).toEqual([
      [1, D.cityBureau, D.yanjinBureau, 'forward'],
      [2, D.yanjinBureau, D.hrss, 'assign'],
    ]);
    expect(hops.body.every((d) => d.rule.id === 'territory-competence-level' && d.reasons.length > 0)).toBe(true);
    expect(hops.body[1]?.reasons.join()).toContain('人力资源和社会保障局');
    expect(await e.waitFor(a.caseId, 'case.dispatched', 2)).toHaveLength(2);
  });

  it('is signed for, accepted, extended, replied with the head’s approval and served', async () => {
    const steps: Array<[string, unknown, Parameters<RoutingE2e['act']>[4], string]> = [
      ['sign', undefined, ['clerk'], 'signed'],
      ['handler', { handlerId: 'hrss-handler-1' }, ['head'], 'signed'],
      ['accept', { claimRoute: 'petition' }, ['handler'], 'accepted'],
      ['start-handling', undefined, ['handler'], 'in-progress'],
      ['extension', { days: 15, reason: { code: 'complex', text: '需调取用工单位工资台账' } }, ['handler'], 'in-progress'],
      ['extension/approve', {}, ['head'], 'in-progress'],
    ];
    for (const [action, body, roles, status] of steps) {
      const res = await e.act(D.hrss, a.caseId, action, body, roles);
      expect([action, res.status, res.body.status]).toEqual([action, 200, status]);
    }
    const draft = await e.call(
      'routing',
      'PUT',
      `/cases/${a.caseId}/reply/draft`,
      D.hrss,
      {
        outcome: 'supported',
        text: '经调查核实，用工单位拖欠工资属实，已责令其于十日内足额支付。',
      },
      ['handler'],
    );
    expect(draft.status).toBe(200);
    expect((await e.act(D.hrss, a.caseId, 'reply/approve', undefined, ['head'])).body.status).toBe('replied');
    const served = await e.act(D.hrss, a.caseId, 'reply/serve', { method: 'in-person' }, ['clerk']);
    expect(served.body.events.map((x) => x.type)).toEqual(['case.reply-served']);
    const report = await e.act(D.hrss, a.caseId, 'assignment-report', { text: '欠薪已全部支付，信访人表示认可。' }, ['head']);
    expect(report.body.events.map((x) => x.type)).toEqual(['case.assignment-report-submitted']);

    // What intake shows the petitioner: the reply's text through routing, with intake's service token.
    const service = await e.h.keys.token({ sub: 'service:intake', unit: 'service:intake', division: '000000000000', roles: ['service'] });
    const reply = await http<Record<string, unknown>>('GET', `${e.h.url('routing')}/cases/${a.caseId}/reply`, { token: service });
    expect(reply.body).toMatchObject({ outcome: 'supported', stage: 'original', unitId: D.hrss, servedMethod: 'in-person' });
    expect(String(reply.body['text'])).toContain('拖欠工资属实');
    expect(String(reply.body['documentNumber'])).toMatch(/^延津县人力资源和社会保障局处〔\d{4}〕1号$/);
  });

  it('shows every intermediate status in order in supervision’s city view', async () => {
    const expected = [
      ['petition.registered', 'registered'],
      ['case.dispatched', 'dispatched'],
      ['case.dispatched', 'dispatched'],
      ['case.signed', 'signed'],
      ['case.handler-assigned', 'signed'],
      ['case.accepted', 'accepted'],
      ['case.handling-started', 'in-progress'],
      ['case.extension-requested', 'in-progress'],
      ['case.extension-approved', 'in-progress'],
      ['case.replied', 'replied'],
      ['case.reply-served', 'replied'],
      ['case.assignment-report-submitted', 'replied'],
    ];
    const view = await eventually(
      async () => {
        const res = await e.timeline(a.caseId);
        const steps = res.body.timeline?.filter((t) => t.type.startsWith('petition.') || expected.some(([type]) => type === t.type));
        return steps && steps.length >= expected.length ? steps : undefined;
      },
      60000,
      'the city view’s timeline',
    );
    expect(view.map((t) => [t.type, t.status])).toEqual(expected);
  });

  it('issues the numbered documents a bureau and a unit must give in writing', async () => {
    const docs = await e.call<Array<{ id: string; kind: string; number: string; unitId: string }>>(
      'routing',
      'GET',
      `/cases/${a.caseId}/documents`,
      D.cityBureau,
    );
    expect(docs.body.map((d) => [d.kind, d.unitId])).toEqual([
      ['transfer', D.cityBureau],
      ['assignment', D.yanjinBureau],
      ['acceptance-notice', D.hrss],
      ['extension-notice', D.hrss],
      ['reply', D.hrss],
      ['assignment-report', D.hrss],
    ]);
    expect(docs.body[0]?.number).toMatch(/^新乡市信访局转〔\d{4}〕\d+号$/);
    const html = await fetch(`${e.h.url('routing')}/cases/${a.caseId}/documents/${docs.body[1]?.id}/html`, {
      headers: { authorization: `Bearer ${await e.token(D.hrss)}` },
    }).then((r) => r.text());
    expect(html).toContain('信访事项交办单');
    expect(html).toContain('延津县人力资源和社会保障局：');
    expect(html).toContain('办结报告');
  });

  it('keeps each unit’s inbox to exactly its cases, and each bureau’s territory to exactly its territory’s', async () => {
    const b = await e.register(D.cityBureau, { placeCode: DONGTUN, category: 'urban-construction' });
    const c = await e.register(D.cityBureau, { placeCode: FENGQIU, category: 'labour' });
    const d = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'other' });
    await e.waitAt(D.housing, b.caseId, 'dispatched');
    await e.waitAt(D.fengqiuHrss, c.caseId, 'dispatched');
    await e.waitAt(`${DONGTUN}:government`, d.caseId, 'dispatched');
    const ids = (...r: Registered[]) => r.map((x) => x.caseId).sort();

    expect(await e.inboxIds(D.hrss)).toEqual(ids(a));
    expect(await e.inboxIds(D.housing)).toEqual(ids(b));
    expect(await e.inboxIds(D.fengqiuHrss)).toEqual(ids(c));
    expect(await e.inboxIds(`${DONGTUN}:government`)).toEqual(ids(d));
    expect(await e.inboxIds(D.yanjinBureau)).toEqual(ids(a, b, d));
    expect(await e.inboxIds(D.yanjinBureau, 'scope=territory')).toEqual(ids(a, b, d));
    expect(await e.inboxIds(D.cityBureau)).toEqual(ids(a, b, c));
    expect(await e.inboxIds(D.cityBureau, 'scope=territory')).toEqual(ids(a, b, c, d));
    expect(await e.inboxIds(D.fengqiuBureau, 'scope=territory')).toEqual(ids(c));

    // Filters, counts per status, sorting and paging.
    expect(await e.inboxIds(D.cityBureau, 'scope=territory&category=labour')).toEqual(ids(a, c));
    expect(await e.inboxIds(D.cityBureau, 'scope=territory&status=replied&stage=original')).toEqual(ids(a));
    const counted = await e.inbox(D.cityBureau, 'scope=territory&status=dispatched');
    expect(counted.body.byStatus).toEqual({ replied: 1, dispatched: 3 });
    expect(counted.body.total).toBe(3);
    const byDue = await e.inbox(D.cityBureau, 'scope=territory&status=dispatched&sort=dueAt&order=asc');
    const dues = byDue.body.items.map((i) => i.dueAt ?? '');
    expect(dues.every((x) => x !== '')).toBe(true);
    expect([...dues].sort()).toEqual(dues);
    const soon = await e.inboxIds(D.cityBureau, `scope=territory&dueBefore=${encodeURIComponent(new Date().toISOString())}`);
    expect(soon).toEqual([]);
    const page1 = await e.inbox(D.cityBureau, 'scope=territory&sort=registeredAt&limit=2&offset=0');
    const page2 = await e.inbox(D.cityBureau, 'scope=territory&sort=registeredAt&limit=2&offset=2');
    expect([page1.body.total, page1.body.items.length, page2.body.items.length]).toEqual([4, 2, 2]);
    expect([...page1.body.items, ...page2.body.items].map((i) => i.caseId).sort()).toEqual(ids(a, b, c, d));

    // A handling unit has no territory view, and does not see another unit's case.
    expect((await e.inbox(D.hrss, 'scope=territory')).status).toBe(403);
    expect((await e.view(D.hrss, b.caseId)).status).toBe(404);
  });

  it('refuses illegal actions with the reason and emits nothing', async () => {
    const x = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour' });
    await e.waitAt(D.hrss, x.caseId, 'dispatched');
    await e.act(D.hrss, x.caseId, 'sign', undefined, ['clerk']);
    await e.waitFor(x.caseId, 'case.signed');
    const emitted = await e.routingEmitted(x.caseId);
    const ownedFacts = async () => (await e.caseLog(x.caseId)).filter((ev) => ev.producer === 'routing' || ev.producer === 'intake');
    const onTopic = (await ownedFacts()).length;
    const expectRefused = (res: { status: number; body: unknown }, status: number, code: string) => {
      expect([res.status, (res.body as Problem).code]).toEqual([status, code]);
      expect((res.body as Problem).message.zh.length).toBeGreaterThan(0);
    };

    // reply before accepting
    expectRefused(
      await e.call('routing', 'PUT', `/cases/${x.caseId}/reply/draft`, D.hrss, {
        outcome: 'supported',
        text: '尚未受理便起草的答复意见。',
      }),
      409,
      'ILLEGAL_TRANSITION',
    );
    expectRefused(await e.act(D.hrss, x.caseId, 'reply/approve', undefined, ['head']), 409, 'NO_REPLY_DRAFT');
    // accepting a case another unit holds: 403 for the bureau that held it before; 404 for a department that never did
    expectRefused(await e.act(D.yanjinBureau, x.caseId, 'accept'), 403, 'NOT_HOLDING_UNIT');
    expectRefused(await e.actAt(D.housing, x.caseId, 'accept', (await e.view(D.hrss, x.caseId)).body.version), 404, 'CASE_NOT_FOUND');

    expect((await e.act(D.hrss, x.caseId, 'accept', { claimRoute: 'petition' }, ['handler'])).status).toBe(200);
    // an extension over 30 days, at once or in total
    const tooLong = await e.act(D.hrss, x.caseId, 'extension', { days: 31, reason: { code: 'complex', text: '情况复杂' } }, ['handler']);
    expectRefused(tooLong, 422, 'EXTENSION_TOO_LONG');
    expect(
      (await e.act(D.hrss, x.caseId, 'extension', { days: 20, reason: { code: 'complex', text: '情况复杂' } }, ['handler'])).status,
    ).toBe(200);
    expect((await e.act(D.hrss, x.caseId, 'extension/approve', {}, ['head'])).status).toBe(200);
    const again = await e.act(D.hrss, x.caseId, 'extension', { days: 11, reason: { code: 'complex', text: '仍需核查' } }, ['handler']);
    expectRefused(again, 422, 'EXTENSION_TOO_LONG');
    expect((again.body as unknown as Problem).details?.reasons).toEqual(['already extended by 20 days']);
    // a reply without the head's approval (审签)
    expect(
      (
        await e.call(
          'routing',
          'PUT',
          `/cases/${x.caseId}/reply/draft`,
          D.hrss,
          { outcome: 'explained', text: '已向信访人解释相关政策规定。' },
          ['handler'],
        )
      ).status,
    ).toBe(200);
    expectRefused(await e.act(D.hrss, x.caseId, 'reply/approve', undefined, ['handler', 'clerk']), 403, 'HEAD_DECISION_REQUIRED');

    // Only the three legal actions (accept, extension requested, approved) emitted anything.
    expect(await e.routingEmitted(x.caseId)).toBe(emitted + 3);
    await e.waitFor(x.caseId, 'case.extension-approved');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await ownedFacts()).toHaveLength(onTopic + 3);
    expect((await e.caseLog(x.caseId)).some((ev) => ev.type === 'case.replied')).toBe(false);
  });

  it('serialises two clerks acting on one case: the loser gets 409 and emits nothing', async () => {
    const y = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour' });
    const { version } = await e.waitAt(D.hrss, y.caseId, 'dispatched');
    const results = await Promise.all([e.actAt(D.hrss, y.caseId, 'sign', version), e.actAt(D.hrss, y.caseId, 'sign', version)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('VERSION_CONFLICT');
    await e.waitFor(y.caseId, 'case.signed');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await e.caseLog(y.caseId)).filter((ev) => ev.type === 'case.signed')).toHaveLength(1);
  });
});

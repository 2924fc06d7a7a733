import { sql } from '@sunshine/testing';

import { labourPetition } from './fixtures';
import { D, DONGTUN, FENGQIU, RoutingE2e } from './routing-support';

interface DeskItem {
  caseId: string;
  reason: string;
  objectedTwice: boolean;
  detail: string | null;
}
interface Problem {
  code: string;
}

const PETITIONER = labourPetition().petitioner as { name: string; idNumber: string; phone: string };
const ACCUSED_PERSON = '王某某';
const objection = (text: string) => ({ reason: { code: 'not-our-remit', text } });

// 检举控告 reaches the discipline-inspection organ and stays hidden from the accused unit everywhere in routing;
// objections (Art 23, 24) approved, rejected and raised twice; the desk for what no rule settles. Five processes.
describe('routing: accusations, objections and the dispatch desk', () => {
  const e = RoutingE2e.forSuite();

  it('sends an accusation against a 延津县 department to the discipline organ; the accused unit sees nothing of it', async () => {
    const x = await e.register(D.cityBureau, {
      type: 'accusation',
      category: 'other',
      placeCode: DONGTUN,
      accused: { unitId: D.hrss, person: ACCUSED_PERSON },
      subject: '举报人社局工作人员',
      content: '举报延津县人社局工作人员在农民工工资支付监管中收受好处。',
    });
    const [dispatched] = await e.waitFor(x.caseId, 'case.dispatched');
    expect(dispatched?.payload).toMatchObject({
      fromUnitId: D.cityBureau,
      toUnitId: D.cityDiscipline,
      mode: 'forward',
      rule: { id: 'accusation-discipline' },
    });
    await e.waitAt(D.cityDiscipline, x.caseId, 'dispatched');
    expect((await e.act(D.cityDiscipline, x.caseId, 'sign')).status).toBe(200);
    expect((await e.act(D.cityDiscipline, x.caseId, 'accept')).status).toBe(200);

    // The accused department's token: nothing, anywhere in routing's API.
    const seen: string[] = [];
    const asAccused = async (path: string) => {
      const res = await e.call('routing', 'GET', path, D.hrss);
      seen.push(JSON.stringify(res.body));
      return res.status;
    };
    for (const path of ['', '/dispatches', '/history', '/documents', '/reply', '/reply/draft']) {
      expect([path, await asAccused(`/cases/${x.caseId}${path}`)]).toEqual([path, 404]);
    }
    for (const q of ['', '?holding=true', '?type=accusation', '?status=accepted']) await asAccused(`/inbox${q}`);
    await asAccused('/desk');
    expect((await e.actAt(D.hrss, x.caseId, 'sign', 3)).status).toBe(404);
    for (const body of seen) {
      for (const secret of [x.caseId, x.caseNumber, PETITIONER.name, PETITIONER.idNumber, PETITIONER.phone, ACCUSED_PERSON])
        expect(body).not.toContain(secret);
    }
    // Nor does the bureau of its county, which never held the case, even in its territory view.
    expect(await e.inboxIds(D.yanjinBureau, 'scope=territory')).not.toContain(x.caseId);

    // Routing never stores who accused, nor the accused person: facts and references only, in any table.
    const schema = e.h.schema('routing');
    const stored = await sql<{ t: string }>(
      `SELECT concat_ws('|', (SELECT string_agg(c::text, '|') FROM "${schema}".case_replica c WHERE case_id = $1),
         (SELECT string_agg(v::text, '|') FROM "${schema}".case_replica_events v WHERE case_id = $1),
         (SELECT string_agg(d::text, '|') FROM "${schema}".case_documents d WHERE case_id = $1),
         (SELECT string_agg(o.value::text, '|') FROM "${schema}".outbox o WHERE message_key = $1::text)) AS t`,
      [x.caseId],
    );
    const text = stored[0]?.t ?? '';
    expect(text).toContain(x.caseNumber);
    for (const secret of [PETITIONER.name, PETITIONER.idNumber, PETITIONER.phone, ACCUSED_PERSON]) expect(text).not.toContain(secret);
  });

  it('approves an objection and re-dispatches the case in the same step', async () => {
    const c = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour' });
    await e.waitAt(D.hrss, c.caseId, 'dispatched');
    await e.act(D.hrss, c.caseId, 'sign');
    const raised = await e.act(D.hrss, c.caseId, 'objection', objection('该事项系土地承包经营纠纷，不属于本局职权范围'), ['head']);
    expect(raised.body).toMatchObject({ status: 'objection-pending', events: [{ type: 'case.objection-raised' }] });
    const desk = await e.call<{ items: DeskItem[] }>('routing', 'GET', '/desk', D.yanjinBureau);
    expect(desk.body.items.find((i) => i.caseId === c.caseId)).toMatchObject({
      reason: 'objection-pending',
      detail: '该事项系土地承包经营纠纷，不属于本局职权范围',
    });

    const approved = await e.act(
      D.yanjinBureau,
      c.caseId,
      'objection/approve',
      {
        redispatch: {
          toUnitId: D.agriculture,
          mode: 'assign',
          feedbackDays: 20,
          reason: { code: 'objection-approved', text: '土地承包纠纷由农业农村局办理' },
        },
      },
      ['dispatcher'],
    );
    expect(approved.body).toMatchObject({ status: 'dispatched', holdingUnitId: D.agriculture });
    expect(approved.body.events.map((x) => x.type)).toEqual(['case.objection-approved', 'case.dispatched']);
    await e.waitAt(D.agriculture, c.caseId, 'dispatched');
    const held = await e.inbox(D.hrss);
    expect(held.body.items.find((i) => i.caseId === c.caseId)).toMatchObject({ holding: false, status: 'dispatched' });
  });

  it('rejects an objection: the unit keeps the case and may not object again', async () => {
    const c = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour' });
    await e.waitAt(D.hrss, c.caseId, 'dispatched');
    await e.act(D.hrss, c.caseId, 'objection', objection('信访人所述用工单位不在本县'));
    const rejected = await e.act(D.yanjinBureau, c.caseId, 'objection/reject', objection('用工单位注册地在本县，属人社局监管'), [
      'dispatcher',
    ]);
    expect(rejected.body).toMatchObject({ status: 'signed', holdingUnitId: D.hrss, events: [{ type: 'case.objection-rejected' }] });
    const again = await e.act(D.hrss, c.caseId, 'objection', objection('仍认为不属于本局职权'));
    expect([again.status, (again.body as unknown as Problem).code]).toEqual([422, 'OBJECTED_TWICE']);
    expect((await e.act(D.hrss, c.caseId, 'accept')).body.status).toBe('accepted');
  });

  it('sends a case objected to twice to a person at the desk, flagged to supervision', async () => {
    const c = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour' });
    await e.waitAt(D.hrss, c.caseId, 'dispatched');
    await e.act(D.hrss, c.caseId, 'objection', objection('不属于本局职权范围'));
    await e.act(D.yanjinBureau, c.caseId, 'objection/approve', {}, ['dispatcher']);
    const back = await e.call<{ items: DeskItem[] }>('routing', 'GET', '/desk', D.yanjinBureau);
    expect(back.body.items.find((i) => i.caseId === c.caseId)).toMatchObject({ reason: 'objection-approved', objectedTwice: false });
    await e.act(
      D.yanjinBureau,
      c.caseId,
      'dispatch',
      { toUnitId: D.housing, mode: 'assign', reason: { text: '涉及工程款结算，由住建局办理' } },
      ['dispatcher'],
    );

    const second = await e.act(D.housing, c.caseId, 'objection', objection('系劳动报酬争议，应由人社局办理'));
    expect(second.body.events.map((x) => x.type)).toEqual(['case.objection-raised', 'case.manual-dispatch-required']);
    const [manual] = await e.waitFor(c.caseId, 'case.manual-dispatch-required');
    expect(manual?.payload).toEqual({ unitId: D.yanjinBureau, reason: { code: 'objected-twice' } });
    const desk = await e.call<{ items: DeskItem[] }>('routing', 'GET', '/desk', D.yanjinBureau);
    expect(desk.body.items[0]).toMatchObject({ caseId: c.caseId, reason: 'objected-twice', objectedTwice: true });

    await e.act(D.yanjinBureau, c.caseId, 'objection/approve', {}, ['head']);
    const sent = await e.act(
      D.yanjinBureau,
      c.caseId,
      'dispatch',
      { toUnitId: D.hrss, mode: 'assign', reason: { text: '经协调，由人社局牵头、住建局配合办理' } },
      ['head'],
    );
    expect(sent.body).toMatchObject({ status: 'dispatched', holdingUnitId: D.hrss });
    const view = await e.timeline(c.caseId);
    expect(view.body.timeline.map((t) => t.type)).toContain('case.manual-dispatch-required');
  });

  it('sends what no rule settles to the bureau’s desk, where a person dispatches it on', async () => {
    const c = await e.register(D.yanjinBureau, { placeCode: FENGQIU, category: 'labour' });
    const [manual] = await e.waitFor(c.caseId, 'case.manual-dispatch-required');
    expect(manual?.payload.reason.code).toBe('no-rule-matched');
    const desk = await e.call<{ items: DeskItem[] }>('routing', 'GET', '/desk', D.yanjinBureau);
    expect(desk.body.items.find((i) => i.caseId === c.caseId)?.detail).toContain('不在延津县信访局辖区');
    const version = (await e.view(D.yanjinBureau, c.caseId)).body.version;
    const notItsDesk = await e.actAt(D.hrss, c.caseId, 'dispatch', version, {
      toUnitId: D.fengqiuBureau,
      mode: 'forward',
      reason: { text: '越权转办' },
    });
    expect(notItsDesk.status).toBe(404);
    await e.act(
      D.yanjinBureau,
      c.caseId,
      'dispatch',
      { toUnitId: D.fengqiuBureau, mode: 'forward', reason: { text: '事发地属封丘县，转封丘县信访局' } },
      ['dispatcher'],
    );
    // 封丘县信访局 applies the rules at its level: its own 人社局.
    await e.waitAt(D.fengqiuHrss, c.caseId, 'dispatched');
    expect((await e.waitFor(c.caseId, 'case.dispatched', 2)).map((x) => x.payload.hop)).toEqual([1, 2]);
  });

  it('refuses an objection after 5 working days from receipt, emitting nothing', async () => {
    const c = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour' });
    await e.waitAt(D.hrss, c.caseId, 'dispatched');
    const before = await e.routingEmitted(c.caseId);
    await e.h.setClockOffset(12 * 24 * 3600 * 1000);
    const late = await e.act(D.hrss, c.caseId, 'objection', objection('不属于本局职权范围'));
    expect([late.status, (late.body as unknown as Problem).code]).toEqual([422, 'OBJECTION_LATE']);
    expect(await e.routingEmitted(c.caseId)).toBe(before);
    await e.h.setClockOffset(0);
  });
});

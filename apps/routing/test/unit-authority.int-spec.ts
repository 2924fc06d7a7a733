import { eventually } from '@sunshine/testing';

import { RoutingWorld, U } from './support/routing-world';

interface Result {
  status: string;
  holdingUnitId: string;
  events: Array<{ type: string }>;
}
interface Problem {
  code: string;
  message: { zh: string; en: string };
}

// Issue 12, "Authority and dead ends": who decides not to accept, who dispatches and decides objections, and the
// bureau's own request for a person at its desk.
describe('a unit’s authority on a case (routing alone)', () => {
  const w = RoutingWorld.forSuite('small');

  it('leaves 不予受理 to the head: a handler gets 403 HEAD_DECISION_REQUIRED and nothing is emitted', async () => {
    const caseId = await w.register();
    await w.waitFor(caseId, 'case.dispatched');
    await w.act(U.hrss, caseId, 'sign');
    const before = await w.outboxCount(caseId);
    const body = { reason: { code: 'other-procedure', text: '属于劳动争议仲裁受理范围' }, properChannel: 'arbitration' };
    const handler = await w.act<Problem>(U.hrss, caseId, 'not-accept', body, ['handler']);
    expect([handler.status, handler.body.code]).toEqual([403, 'HEAD_DECISION_REQUIRED']);
    expect(await w.outboxCount(caseId)).toBe(before);
    const head = await w.act<Result>(U.hrss, caseId, 'not-accept', body, ['head']);
    expect([head.status, head.body.status]).toEqual([200, 'not-accepted']);
  });

  it('has a department forward a direct petition it does not handle to the county bureau, which dispatches it and decides the objection', async () => {
    // A housing matter brought to the human-resources bureau in person.
    const caseId = await w.register({ receivingUnitId: U.hrss, category: 'urban-construction' });
    await eventually(async () => ((await w.version(caseId)) >= 1 ? true : undefined), 30000, 'the direct petition in routing');
    const before = await w.outboxCount(caseId);
    const elsewhere = await w.act<Problem>(U.hrss, caseId, 'dispatch', {
      toUnitId: U.housing,
      mode: 'assign',
      reason: { text: '属住建部门职责' },
    });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'DIRECT_TO_BUREAU_ONLY']);
    expect(elsewhere.body.message.zh).toContain('本级信访部门');
    expect(await w.outboxCount(caseId)).toBe(before);

    const forwarded = await w.act<Result>(U.hrss, caseId, 'dispatch', {
      toUnitId: U.countyBureau,
      mode: 'forward',
      reason: { text: '不属本单位职责，转本级信访局' },
    });
    // The bureau's rules send it on to the competent department (谁主管) in the same step.
    expect([forwarded.status, forwarded.body.holdingUnitId]).toEqual([200, U.housing]);
    const [first, onward] = await w.waitFor(caseId, 'case.dispatched', 2);
    expect(first?.payload).toMatchObject({ fromUnitId: U.hrss, toUnitId: U.countyBureau, mode: 'forward' });
    expect(onward?.payload).toMatchObject({ fromUnitId: U.countyBureau, toUnitId: U.housing });

    await w.act(U.housing, caseId, 'sign');
    const objected = await w.act<Result>(U.housing, caseId, 'objection', {
      reason: { code: 'not-our-remit', text: '系劳动报酬纠纷，不属本单位职责' },
    });
    expect(objected.body.status).toBe('objection-pending');
    // The department that forwarded it first is not the bureau: it never decides the objection.
    const byDept = await w.act<Problem>(U.hrss, caseId, 'objection/approve', {});
    expect([byDept.status, byDept.body.code]).toEqual([403, 'OBJECTION_BUREAU_ONLY']);
    const view = await w.call<{ allowedActions: string[] }>('GET', `/cases/${caseId}`, U.countyBureau);
    expect(view.body.allowedActions).toEqual(['approve-objection', 'reject-objection']);
    const decided = await w.act<Result>(U.countyBureau, caseId, 'objection/approve', {
      redispatch: { toUnitId: U.hrss, mode: 'assign', reason: { text: '系劳动报酬纠纷，交人社局办理' } },
    });
    expect([decided.status, decided.body.holdingUnitId]).toEqual([200, U.hrss]);
  });

  it('lets the bureau put a case on its desk for a person, with the reason, and no one else', async () => {
    const caseId = await w.register({ placeCode: '410727000000' });
    await w.waitFor(caseId, 'case.manual-dispatch-required');
    const body = { reason: { code: 'ambiguous-rules', text: '事发地跨县，需与封丘县协商' } };
    const byDept = await w.act<Problem>(U.hrss, caseId, 'require-manual-dispatch', body);
    expect([byDept.status, byDept.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const clerk = await w.act<Problem>(U.countyBureau, caseId, 'require-manual-dispatch', body, ['clerk']);
    expect([clerk.status, clerk.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const systemOnly = await w.act<Problem>(U.countyBureau, caseId, 'require-manual-dispatch', {
      reason: { code: 'objected-twice', text: '两次异议' },
    });
    expect(systemOnly.status).toBe(400);

    const done = await w.act<Result>(U.countyBureau, caseId, 'require-manual-dispatch', body, ['dispatcher']);
    expect([done.status, done.body.events.map((e) => e.type)]).toEqual([200, ['case.manual-dispatch-required']]);
    const [, event] = await w.waitFor(caseId, 'case.manual-dispatch-required', 2);
    expect(event?.payload).toEqual({ unitId: U.countyBureau, reason: { code: 'ambiguous-rules', text: '事发地跨县，需与封丘县协商' } });
    const desk = await w.call<{ items: Array<{ caseId: string; reason: string; detail: string }> }>('GET', '/desk', U.countyBureau);
    expect(desk.body.items.find((i) => i.caseId === caseId)).toMatchObject({
      reason: 'ambiguous-rules',
      detail: '事发地跨县，需与封丘县协商',
    });
  });
});

import { RoutingWorld, U } from './support/routing-world';

interface Result {
  status: string;
  holdingUnitId: string;
  events: Array<{ type: string }>;
}
interface Problem {
  code: string;
}

const TOWNSHIP = U.dongtun;
const OFFICE = U.dongtunOffice;
const VILLAGE = '410726101202:village-committee';

// Issue 12: village committees never received a case (a township's dispatch to a village answered 409
// NOT_HOLDING_UNIT, village inboxes were empty). Now 东屯镇 交办 a village matter to 水花堡村, which signs, handles and
// reports back to the township; the township reports to the county bureau that assigned it.
describe('a township assigns (交办) to a village (routing alone, the demo directory)', () => {
  const w = RoutingWorld.forSuite('demo');

  it('reaches the village, which signs, replies and reports back to the township, and the township to the county', async () => {
    const caseId = await w.register({ category: 'other', placeCode: '410726101202' });
    const [assigned] = await w.waitFor(caseId, 'case.dispatched');
    expect(assigned?.payload).toMatchObject({ fromUnitId: U.countyBureau, toUnitId: TOWNSHIP, mode: 'assign' });
    expect((await w.act<Result>(TOWNSHIP, caseId, 'sign')).status).toBe(200);

    // The township's petition office does not hold the case: the government that holds it assigns.
    const byOffice = await w.act<Problem>(OFFICE, caseId, 'dispatch', {
      toUnitId: VILLAGE,
      mode: 'assign',
      reason: { text: '属地村委会办理' },
    });
    expect([byOffice.status, byOffice.body.code]).toEqual([403, 'NOT_HOLDING_UNIT']);
    const forward = await w.act<Problem>(TOWNSHIP, caseId, 'dispatch', {
      toUnitId: VILLAGE,
      mode: 'forward',
      reason: { text: '属地村委会办理' },
    });
    expect([forward.status, forward.body.code]).toEqual([403, 'VILLAGE_ASSIGN_ONLY']);
    const sent = await w.act<Result>(TOWNSHIP, caseId, 'dispatch', {
      toUnitId: VILLAGE,
      mode: 'assign',
      feedbackDays: 10,
      reason: { text: '属地村委会调查处理' },
    });
    expect([sent.status, sent.body.status, sent.body.holdingUnitId]).toEqual([200, 'dispatched', VILLAGE]);

    const inbox = await w.call<{ items: Array<{ caseId: string; holding: boolean }> }>('GET', '/inbox', VILLAGE);
    expect(inbox.body.items.map((i) => [i.caseId, i.holding])).toEqual([[caseId, true]]);
    const view = await w.call<{ allowedActions: string[] }>('GET', `/cases/${caseId}`, VILLAGE);
    expect(view.body.allowedActions).toEqual(['sign']);

    for (const step of ['sign', 'accept']) expect((await w.act(VILLAGE, caseId, step)).status).toBe(200);
    await w.call('PUT', `/cases/${caseId}/reply/draft`, VILLAGE, { outcome: 'explained', text: '经村委会调查核实，已向信访人说明情况。' }, [
      'handler',
    ]);
    expect((await w.act(VILLAGE, caseId, 'reply/approve', undefined, ['head'])).status).toBe(200);
    const villageReport = await w.act<Result>(VILLAGE, caseId, 'assignment-report', { text: '村委会已调查处理完毕，信访人表示认可。' });
    expect(villageReport.status).toBe(200);
    const townshipReport = await w.act<Result>(TOWNSHIP, caseId, 'assignment-report', { text: '镇政府已督促村委会办结并答复信访人。' });
    expect(townshipReport.status).toBe(200);
    const reports = await w.waitFor(caseId, 'case.assignment-report-submitted', 2);
    expect(reports.map((e) => [e.payload.unitId, e.payload.bureauUnitId])).toEqual([
      [VILLAGE, TOWNSHIP],
      [TOWNSHIP, U.countyBureau],
    ]);
    const again = await w.act<Problem>(VILLAGE, caseId, 'assignment-report', { text: '村委会再次报告办理情况。' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_REPORTED']);
  });
});

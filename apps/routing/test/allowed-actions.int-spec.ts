import type { UnitAction } from '@sunshine/domain';
import type { StaffRole } from '@sunshine/platform';
import { eventually } from '@sunshine/testing';

import { RoutingWorld, U } from './support/routing-world';

interface Problem {
  code: string;
}

/** Each unit action's endpoint and a valid body (decide's command name → what a client sends). */
const ENDPOINT: Record<UnitAction, { path: string; body?: unknown }> = {
  dispatch: { path: 'dispatch', body: { toUnitId: U.housing, mode: 'forward', reason: { text: '属住建部门职责，人工转送' } } },
  'require-manual-dispatch': {
    path: 'require-manual-dispatch',
    body: { reason: { code: 'ambiguous-rules', text: '两个部门均可能主管，需人工分办' } },
  },
  sign: { path: 'sign' },
  'assign-handler': { path: 'handler', body: { handlerId: 'handler-7' } },
  accept: { path: 'accept', body: {} },
  'not-accept': {
    path: 'not-accept',
    body: { reason: { code: 'other-procedure', text: '属于劳动争议仲裁受理范围' }, properChannel: 'arbitration' },
  },
  'raise-objection': { path: 'objection', body: { reason: { code: 'not-our-remit', text: '该事项不属于本单位职责范围' } } },
  'approve-objection': { path: 'objection/approve', body: {} },
  'reject-objection': { path: 'objection/reject', body: { reason: { code: 'in-remit', text: '该事项属于该单位职责范围' } } },
  'add-assisting-unit': { path: 'assisting-units', body: { assistingUnitId: U.housing } },
  'contribute-assist': { path: 'assist-contributions', body: { text: '经查，施工许可手续齐全。' } },
  'start-handling': { path: 'start-handling' },
  'start-hearing': { path: 'hearing/start', body: {} },
  'end-hearing': { path: 'hearing/end', body: {} },
  'request-extension': { path: 'extension', body: { days: 10, reason: { code: 'complex', text: '需调取用工记录' } } },
  'approve-extension': { path: 'extension/approve', body: {} },
  'reject-extension': { path: 'extension/reject', body: { reason: { code: 'not-needed', text: '可在法定期限内办结' } } },
  'submit-assignment-report': { path: 'assignment-report', body: { text: '已督促用工单位支付全部欠薪。' } },
  reply: { path: 'reply/approve' },
  'serve-reply': { path: 'reply/serve', body: { method: 'in-person' } },
  close: { path: 'close', body: { reason: { code: 'other' } } },
  finalize: { path: 'finalize' },
};
const ACTIONS = Object.keys(ENDPOINT) as UnitAction[];

// Issue 12: allowedActions listed what the status allows for every unit (dispatch for a department, serve-reply on a
// closed case …). Now, for each state and caller: the list is exactly what succeeds. Every unlisted action is refused
// with a 4xx and emits nothing; every listed one, tried on a fresh case in the same state, answers 200.
describe('allowedActions against the endpoints (routing alone)', () => {
  const w = RoutingWorld.forSuite('small');

  async function atHrss(): Promise<string> {
    const caseId = await w.register();
    await w.waitFor(caseId, 'case.dispatched');
    return caseId;
  }
  async function steps(caseId: string, ...actions: Array<[string, unknown?, StaffRole[]?]>): Promise<string> {
    for (const [action, body, roles] of actions) expect((await w.act(U.hrss, caseId, action, body, roles)).status).toBe(200);
    return caseId;
  }
  const STATES: Record<string, () => Promise<string>> = {
    'assigned to the department': atHrss,
    signed: async () => steps(await atHrss(), ['sign']),
    'objection pending': async () => steps(await atHrss(), ['sign'], ['objection', ENDPOINT['raise-objection'].body]),
    'a direct petition at the department': async () => {
      const caseId = await w.register({ receivingUnitId: U.hrss });
      // No dispatch follows (a department decides its direct petition itself): wait for routing's replica.
      await eventually(async () => ((await w.version(caseId)) >= 1 ? true : undefined), 30000, `${caseId} in routing`);
      return caseId;
    },
    'in progress with a draft': async () => {
      const caseId = await steps(await atHrss(), ['sign'], ['accept', { claimRoute: 'petition' }], ['start-handling']);
      const draft = await w.call(
        'PUT',
        `/cases/${caseId}/reply/draft`,
        U.hrss,
        { outcome: 'explained', text: '经核查，已向信访人解释相关政策。' },
        ['handler'],
      );
      expect(draft.status).toBe(200);
      return caseId;
    },
    'not accepted and closed': async () =>
      steps(
        await atHrss(),
        ['sign'],
        ['not-accept', ENDPOINT['not-accept'].body, ['head']],
        ['close', { reason: { code: 'not-accepted' } }, ['head']],
      ),
    'at the bureau’s desk, no rule matched': async () => {
      const caseId = await w.register({ placeCode: '410727000000' });
      await w.waitFor(caseId, 'case.manual-dispatch-required');
      return caseId;
    },
  };

  const ALL: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher'];
  const cases: Array<[state: string, unit: string, roles: StaffRole[], expected: UnitAction[]]> = [
    ['assigned to the department', U.hrss, ALL, ['sign', 'raise-objection']],
    ['assigned to the department', U.hrss, ['clerk'], ['sign']],
    ['assigned to the department', U.countyBureau, ALL, []],
    ['signed', U.hrss, ['handler'], ['accept', 'raise-objection']],
    ['signed', U.hrss, ['head'], ['assign-handler', 'accept', 'not-accept', 'raise-objection']],
    ['objection pending', U.countyBureau, ['dispatcher'], ['approve-objection', 'reject-objection']],
    ['objection pending', U.hrss, ALL, []],
    ['a direct petition at the department', U.hrss, ALL, ['dispatch', 'accept', 'not-accept']],
    ['in progress with a draft', U.hrss, ['head'], ['assign-handler', 'add-assisting-unit', 'start-hearing', 'request-extension', 'reply']],
    ['in progress with a draft', U.hrss, ['handler'], ['start-hearing', 'request-extension']],
    ['not accepted and closed', U.hrss, ALL, ['submit-assignment-report']],
    ['at the bureau’s desk, no rule matched', U.countyBureau, ALL, ['dispatch', 'require-manual-dispatch', 'accept', 'not-accept']],
  ];

  it.each(cases)(
    '%s, for %s as %j: lists exactly %j',
    async (state, unit, roles, expected) => {
      const setup = STATES[state];
      if (!setup) throw new Error(`no state ${state}`);
      const caseId = await setup();
      const view = await w.call<{ allowedActions: UnitAction[] }>('GET', `/cases/${caseId}`, unit, undefined, roles);
      expect(view.body.allowedActions).toEqual(expected);

      const before = await w.outboxCount(caseId);
      for (const action of ACTIONS.filter((a) => !expected.includes(a))) {
        const { path, body } = ENDPOINT[action];
        const refused = await w.act<Problem>(unit, caseId, path, toDispatchTarget(action, unit, body), roles);
        expect([action, refused.status >= 400 && refused.status < 500]).toEqual([action, true]);
      }
      expect(await w.outboxCount(caseId)).toBe(before);

      for (const action of expected) {
        const fresh = await setup();
        const { path, body } = ENDPOINT[action];
        const done = await w.act<Problem>(unit, fresh, path, toDispatchTarget(action, unit, body), roles);
        expect([action, done.status, done.body.code]).toEqual([action, 200, undefined]);
      }
    },
    240000,
  );
});

/** A department forwards its direct petition to the bureau of its level; a bureau sends it to a department. */
function toDispatchTarget(action: UnitAction, unit: string, body: unknown): unknown {
  if (action !== 'dispatch' || unit === U.countyBureau) return body;
  return { ...(body as object), toUnitId: U.countyBureau };
}

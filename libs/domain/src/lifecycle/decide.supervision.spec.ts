import { BUREAU, commands, DEPT, ORDER_ID, play, TOWN } from './__fixtures__/case.fixtures';
import type { CaseCommand } from './case-command';
import { decide } from './decide';
import { evolve } from './evolve';

const REMINDER_ID = '0190a6b2-7c3e-7a1b-8c2d-0000000000c1';
const remind = (unitId = DEPT, orderId = ORDER_ID): CaseCommand => ({
  name: 'remind-supervision-order',
  payload: { orderId, unitId, byUnitId: BUREAU, reminderId: REMINDER_ID, note: '请尽快书面回复' },
});
const issue: CaseCommand = {
  name: 'issue-supervision-order',
  payload: { orderId: ORDER_ID, unitId: DEPT, byUnitId: BUREAU, trigger: 'delay', reason: { code: 'x' } },
};
const ordered = [commands.register(), commands.dispatch(BUREAU, DEPT), commands.sign(DEPT), issue];

describe('催办 (a reminder on a supervision order, Art 40)', () => {
  it('records the reminder on an order open for that unit; the order stays open, status and flags unchanged', () => {
    const { state } = play(ordered);
    const decision = decide(state, remind());
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'case.supervision-order-reminded',
          payload: { orderId: ORDER_ID, unitId: DEPT, byUnitId: BUREAU, reminderId: REMINDER_ID, note: '请尽快书面回复' },
        },
      ],
    });
    const after = evolve(state, {
      id: 'e-remind',
      type: 'case.supervision-order-reminded',
      version: 1,
      occurredAt: '2025-03-12T02:00:00.000Z',
      payload: remind().payload,
    });
    expect([after.state.status, after.state.holdingUnitId, after.state.flags]).toEqual([state.status, state.holdingUnitId, state.flags]);
    expect(after.state.flags.openOrders).toEqual([{ orderId: ORDER_ID, unitId: DEPT }]);
  });

  it('refuses a reminder on an order the case does not hold open for that unit (answered, unknown, another unit)', () => {
    const answered = play([
      ...ordered,
      {
        name: 'answer-supervision-order',
        payload: { orderId: ORDER_ID, unitId: DEPT, byUnitId: BUREAU, answerRef: 'supervision:answer:1' },
      },
    ]);
    expect(decide(answered.state, remind())).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ORDER' } });
    const { state } = play(ordered);
    expect(decide(state, remind(TOWN))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ORDER' } });
    expect(decide(state, remind(DEPT, '0190a6b2-7c3e-7a1b-8c2d-0000000000ab'))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ORDER' },
    });
  });
});

import { BUREAU, commands, DEPT, play, TOWN } from './__fixtures__/case.fixtures';
import { decide } from './decide';

const forwarded = [commands.register(), commands.dispatch(BUREAU, DEPT), commands.sign(DEPT)];

describe('objections (异议, Art 23, 24)', () => {
  it('sends the case back to the forwarding bureau when it approves', () => {
    const { state } = play([...forwarded, commands.raiseObjection(DEPT), commands.approveObjection(BUREAU)]);
    expect(state.status).toBe('dispatched');
    expect(state.holdingUnitId).toBe(BUREAU);
    expect(state.objections).toMatchObject({ count: 1, pending: null });
  });

  it('leaves the case signed at the unit when the bureau rejects', () => {
    const { state } = play([...forwarded, commands.raiseObjection(DEPT), commands.rejectObjection(BUREAU)]);
    expect(state.status).toBe('signed');
    expect(state.holdingUnitId).toBe(DEPT);
  });

  it('lets a unit object straight from its inbox, before signing', () => {
    const { state } = play([commands.register(), commands.dispatch(BUREAU, DEPT), commands.raiseObjection(DEPT)]);
    expect(state.status).toBe('objection-pending');
    expect(state.objections.pending).toEqual({ unitId: DEPT, bureauUnitId: BUREAU });
  });

  it('addresses the objection to the bureau that forwarded the case', () => {
    const { state } = play(forwarded);
    const decision = decide(state, { name: 'raise-objection', payload: { unitId: DEPT, bureauUnitId: TOWN, reason: { code: 'x' } } });
    expect(decision).toMatchObject({ ok: false, error: { code: 'NOT_DECIDING_UNIT' } });
  });

  it('lets only the forwarding bureau decide', () => {
    const { state } = play([...forwarded, commands.raiseObjection(DEPT)]);
    expect(decide(state, commands.approveObjection(TOWN))).toMatchObject({ ok: false, error: { code: 'NOT_DECIDING_UNIT' } });
  });

  it('requires the objecting unit to hold the case', () => {
    const { state } = play(forwarded);
    expect(decide(state, commands.raiseObjection(TOWN))).toMatchObject({ ok: false, error: { code: 'NOT_HOLDING_UNIT' } });
  });

  it('refuses a second objection from a unit whose objection was decided (OBJECTED_TWICE)', () => {
    const { state } = play([...forwarded, commands.raiseObjection(DEPT), commands.rejectObjection(BUREAU)]);
    expect(decide(state, commands.raiseObjection(DEPT))).toMatchObject({ ok: false, error: { code: 'OBJECTED_TWICE' } });
  });

  it('sends the case to the manual dispatch desk on the second objection on the case', () => {
    const { state } = play([
      ...forwarded,
      commands.raiseObjection(DEPT),
      commands.approveObjection(BUREAU),
      commands.dispatch(BUREAU, TOWN, 'forward', 2),
      commands.sign(TOWN),
    ]);
    const decision = decide(state, commands.raiseObjection(TOWN));
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['case.objection-raised', 'case.manual-dispatch-required']);
    expect(decision.ok && decision.events[1]?.payload).toEqual({ unitId: BUREAU, reason: { code: 'objected-twice' } });
  });

  it('flags the case objected twice until a person dispatches it again', () => {
    const twice = [
      ...forwarded,
      commands.raiseObjection(DEPT),
      commands.approveObjection(BUREAU),
      commands.dispatch(BUREAU, TOWN, 'forward', 2),
      commands.raiseObjection(TOWN),
      commands.approveObjection(BUREAU),
    ];
    const flagged = play(twice).state;
    expect(flagged.flags.manualDispatch).toBe('objected-twice');
    expect(flagged.objections.count).toBe(2);
    const redispatched = play([...twice, commands.dispatch(BUREAU, DEPT, 'assign', 3)]).state;
    expect(redispatched.flags.manualDispatch).toBeNull();
    expect(redispatched.objections.count).toBe(2);
  });
});

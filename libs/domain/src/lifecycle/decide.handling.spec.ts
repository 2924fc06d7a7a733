import { BUREAU, commands, DEPT, play, TOWN } from './__fixtures__/case.fixtures';
import type { CaseCommand } from './case-command';
import { stageRecord } from './case-selectors';
import { decide } from './decide';

const accepted = [commands.register(), commands.dispatch(BUREAU, DEPT, 'assign'), commands.sign(DEPT), commands.accept(DEPT, 'petition')];
const inProgress = [...accepted, commands.startHandling(DEPT)];
const hearing = (name: 'start-hearing' | 'end-hearing'): CaseCommand => ({ name, payload: { unitId: DEPT } });

describe('the holding unit', () => {
  it('is the only one that may sign, accept, handle or reply', () => {
    const dispatched = play([commands.register(), commands.dispatch(BUREAU, DEPT)]).state;
    expect(decide(dispatched, commands.sign(TOWN))).toMatchObject({ ok: false, error: { code: 'NOT_HOLDING_UNIT' } });
    const handling = play(inProgress).state;
    expect(decide(handling, commands.reply(TOWN))).toMatchObject({ ok: false, error: { code: 'NOT_HOLDING_UNIT' } });
  });

  it('dispatches only what it holds', () => {
    const { state } = play([commands.register()]);
    expect(decide(state, commands.dispatch(DEPT, TOWN))).toMatchObject({ ok: false, error: { code: 'NOT_HOLDING_UNIT' } });
    expect(decide(state, commands.dispatch(BUREAU, BUREAU))).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
  });

  it('stamps the dispatch with the current stage', () => {
    const decision = decide(play([commands.register()]).state, commands.dispatch(BUREAU, DEPT));
    expect(decision.ok && decision.events[0]?.payload).toMatchObject({ stage: 'original', toUnitId: DEPT });
  });
});

describe('extensions (延期, Art 34)', () => {
  it('adds approved days to the stage', () => {
    const { state } = play([...inProgress, commands.requestExtension(DEPT, 20), commands.approveExtension(DEPT, 15)]);
    expect(stageRecord(state)).toMatchObject({ extensionDays: 15, pendingExtensionDays: null });
  });

  it('refuses more than 30 days in total', () => {
    const { state } = play([...inProgress, commands.requestExtension(DEPT, 20), commands.approveExtension(DEPT, 20)]);
    expect(decide(state, commands.requestExtension(DEPT, 11))).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_TOO_LONG' },
    });
    expect(decide(state, commands.requestExtension(DEPT, 10)).ok).toBe(true);
    expect(decide(play(inProgress).state, commands.requestExtension(DEPT, 31))).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_TOO_LONG' },
    });
  });

  it('takes one request at a time and approves no more than asked', () => {
    const { state } = play([...inProgress, commands.requestExtension(DEPT, 10)]);
    expect(decide(state, commands.requestExtension(DEPT, 5))).toMatchObject({ ok: false, error: { code: 'EXTENSION_PENDING' } });
    expect(decide(state, commands.approveExtension(DEPT, 12))).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    expect(decide(play(inProgress).state, commands.approveExtension(DEPT, 5))).toMatchObject({
      ok: false,
      error: { code: 'NO_PENDING_EXTENSION' },
    });
  });
});

describe('the written reply', () => {
  it("needs the head's approval (审签)", () => {
    const { state } = play(inProgress);
    expect(decide(state, commands.reply(DEPT, ''))).toMatchObject({ ok: false, error: { code: 'REPLY_NOT_APPROVED' } });
    expect(decide(state, commands.reply(DEPT, '   '))).toMatchObject({ ok: false, error: { code: 'REPLY_NOT_APPROVED' } });
  });

  it('waits for a hearing to end; the hearing pauses the clock meanwhile', () => {
    const during = play([...inProgress, hearing('start-hearing')]).state;
    expect(during.flags.hearingPaused).toBe(true);
    expect(decide(during, commands.reply(DEPT))).toMatchObject({ ok: false, error: { code: 'HEARING_IN_PROGRESS' } });
    expect(decide(during, hearing('start-hearing'))).toMatchObject({ ok: false, error: { code: 'HEARING_IN_PROGRESS' } });
    const after = play([...inProgress, hearing('start-hearing'), hearing('end-hearing')]).state;
    expect(after.flags.hearingPaused).toBe(false);
    expect(decide(after, hearing('end-hearing'))).toMatchObject({ ok: false, error: { code: 'NO_HEARING' } });
    expect(decide(after, commands.reply(DEPT)).ok).toBe(true);
  });

  it('is served once, by the replying unit', () => {
    const replied = play([...inProgress, commands.reply(DEPT)]).state;
    expect(decide(replied, commands.serve(TOWN))).toMatchObject({ ok: false, error: { code: 'NOT_HOLDING_UNIT' } });
    const served = play([...inProgress, commands.reply(DEPT), commands.serve(DEPT)]).state;
    expect(stageRecord(served)).toMatchObject({ servedAt: '2025-04-01T02:00:00.000Z', servedMethod: 'post' });
    expect(decide(served, commands.serve(DEPT))).toMatchObject({ ok: false, error: { code: 'ALREADY_SERVED' } });
  });
});

describe('assisting units (协办) and the assignment report (办结报告)', () => {
  it('lets only an added assisting unit contribute, naming the lead unit', () => {
    const before = play(inProgress).state;
    const contribute: CaseCommand = { name: 'contribute-assist', payload: { unitId: TOWN } };
    expect(decide(before, contribute)).toMatchObject({ ok: false, error: { code: 'NOT_ASSISTING_UNIT' } });
    const added = play([...inProgress, { name: 'add-assisting-unit', payload: { unitId: DEPT, assistingUnitId: TOWN } }]);
    expect(added.state.assistingUnitIds).toEqual([TOWN]);
    const decision = decide(added.state, contribute);
    expect(decision.ok && decision.events[0]?.payload).toEqual({ unitId: TOWN, leadUnitId: DEPT });
  });

  it('is owed to the assigning bureau by the unit a case was assigned to', () => {
    const report: CaseCommand = { name: 'submit-assignment-report', payload: { unitId: DEPT, reportRef: 'routing:report:9' } };
    const replied = play([...inProgress, commands.reply(DEPT)]).state;
    const decision = decide(replied, report);
    expect(decision.ok && decision.events[0]?.payload).toMatchObject({ unitId: DEPT, bureauUnitId: BUREAU });
    const forwarded = play([
      commands.register(),
      commands.dispatch(BUREAU, DEPT),
      commands.sign(DEPT),
      commands.accept(DEPT),
      commands.reply(DEPT),
    ]).state;
    expect(decide(forwarded, report)).toMatchObject({ ok: false, error: { code: 'NOT_ASSIGNED_CASE' } });
  });
});

import { answeredSteps, BUREAU, CASE_ID, CITY, commands, COUNTY, DEPT, play } from './__fixtures__/case.fixtures';
import { stageRecord } from './case-selectors';
import { fold } from './fold';

describe('a claim through original handling, review and re-review', () => {
  const steps = [
    ...answeredSteps(),
    commands.rate('original', DEPT),
    commands.requestReview('review'),
    commands.openStage('review', COUNTY),
    commands.sign(COUNTY),
    commands.accept(COUNTY),
    commands.startHandling(COUNTY),
    commands.reply(COUNTY),
    commands.serve(COUNTY, '2025-05-20T02:00:00.000Z'),
    commands.requestReview('re-review'),
    commands.openStage('re-review', CITY),
    commands.sign(CITY),
    commands.accept(CITY),
    commands.startHandling(CITY),
    commands.reply(CITY),
    commands.finalize(CITY),
    commands.serve(CITY, '2025-07-01T02:00:00.000Z'),
    commands.rate('re-review', CITY),
  ];

  it('ends finalized (不再受理) at the re-reviewing unit', () => {
    const { state } = play(steps);
    expect(state.status).toBe('finalized');
    expect(state.stage).toBe('re-review');
    expect(state.holdingUnitId).toBe(CITY);
  });

  it('remembers every unit that ever held the case, in order', () => {
    expect(play(steps).state.heldBy).toEqual([BUREAU, DEPT, COUNTY, CITY]);
  });

  it('keeps each stage its own timestamps, reply and ratings', () => {
    const { state } = play(steps);
    const original = stageRecord(state, 'original');
    expect(original.acceptedByUnitId).toBe(DEPT);
    expect(original.servedAt).toBe('2025-04-01T02:00:00.000Z');
    expect(original.ratings).toEqual({ 'handling-unit': 'satisfied' });
    expect(original.nextStageRequestedAt).toBe('2025-04-10T02:00:00.000Z');
    expect(stageRecord(state, 'review')).toMatchObject({
      openedAtUnitId: COUNTY,
      acceptedByUnitId: COUNTY,
      servedAt: '2025-05-20T02:00:00.000Z',
      reply: { unitId: COUNTY, outcome: 'not-supported', approvedBy: 'head-1' },
    });
    expect(stageRecord(state, 're-review').ratings).toEqual({ 'handling-unit': 'satisfied' });
    for (const stage of ['original', 'review', 're-review'] as const) {
      const record = stageRecord(state, stage);
      expect(record.dispatchedAt).not.toBeNull();
      expect(record.acceptedAt).not.toBeNull();
      expect(record.repliedAt).not.toBeNull();
    }
  });

  it('counts applied events as the version and remembers the last one', () => {
    const { state, events } = play(steps);
    expect(state.version).toBe(events.length);
    expect(state.lastEventId).toBe(events[events.length - 1]?.id);
    expect(state.caseId).toBe(CASE_ID);
  });

  it('folds the same state from the log as the producer evolved', () => {
    const { state, events } = play(steps);
    const folded = fold(events);
    expect(folded.skipped).toEqual([]);
    expect(folded.state).toEqual(state);
  });
});

describe('a claim closed when nobody asks for review', () => {
  it('closes after the reply was served', () => {
    const { state } = play([...answeredSteps(), commands.close(DEPT)]);
    expect(state.status).toBe('closed');
    expect(stageRecord(state).endedAt).not.toBeNull();
  });
});

describe('a repeat not accepted at registration (Art 19)', () => {
  it('is registered, then not accepted and closed: never refused at the door', () => {
    const { state } = play([commands.register(), commands.notAccept(BUREAU), commands.close(BUREAU)]);
    expect(state.status).toBe('closed');
    expect(stageRecord(state).notAcceptedAt).not.toBeNull();
  });
});

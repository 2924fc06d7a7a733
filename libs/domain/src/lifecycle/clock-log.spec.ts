import { CLOCK_LOG_SKIPPED_TYPES, CLOCK_PAYLOAD_FIELDS } from '../deadlines/clock-rules';
import { answeredSteps, BUREAU, CASE_ID, DEPT, play } from './__fixtures__/case.fixtures';
import { samplePayloads } from './__fixtures__/sample-payloads';
import { initialCaseState } from './case-state';
import { evolve } from './evolve';
import { fold } from './fold';
import { reviveCaseState } from './revive-case-state';

describe('the case’s clock log', () => {
  it('keeps exactly the payload fields the clock rules read', () => {
    expect(CLOCK_PAYLOAD_FIELDS).toEqual([
      'answerDueAt',
      'days',
      'feedbackDueAt',
      'mode',
      'orderId',
      'receivedAt',
      'receivingUnitId',
      'requestedAt',
      'servedAt',
      'stage',
      'toUnitId',
      'unitId',
    ]);
  });

  it('logs each applied event with the picked payload and the facts after it, never the petitioner', () => {
    const { state, events } = play(answeredSteps().slice(0, 4));
    expect(state.clockLog.map((e) => e.type)).toEqual(['petition.registered', 'case.dispatched', 'case.signed', 'case.accepted']);
    const [registered, dispatched, , accepted] = state.clockLog;
    expect(registered).toEqual({
      eventId: events[0]?.id,
      type: 'petition.registered',
      occurredAt: events[0]?.occurredAt,
      payload: { receivedAt: '2025-03-03T01:00:00.000Z', receivingUnitId: BUREAU },
      facts: { stage: 'original', type: 'claim', holdingUnitId: BUREAU, reviewChain: true, placeCode: '410726100000' },
    });
    expect(dispatched?.payload).toEqual({ stage: 'original', toUnitId: DEPT, mode: 'forward' });
    expect(accepted?.facts.holdingUnitId).toBe(DEPT);
    expect(JSON.stringify(state.clockLog)).not.toContain('petitionerRef');
  });

  it('leaves out supervision’s notices, which no clock rule reads, and a redelivered event', () => {
    expect(CLOCK_LOG_SKIPPED_TYPES).toEqual(['case.deadline-warning', 'case.overdue', 'case.window-expired']);
    const { state } = play(answeredSteps().slice(0, 2));
    const notice = {
      id: 'n1',
      type: 'case.overdue',
      version: 1,
      occurredAt: '2025-03-20T00:00:00.000Z',
      payload: samplePayloads['case.overdue'],
    };
    const afterNotice = evolve(state, notice).state;
    expect(afterNotice.version).toBe(state.version + 1);
    expect(afterNotice.clockLog).toHaveLength(2);
    const signed = { id: 's1', type: 'case.signed', version: 1, occurredAt: '2025-03-20T01:00:00.000Z', payload: { unitId: DEPT } };
    const once = fold([signed, { ...notice, id: 'n2' }, signed], afterNotice).state;
    expect(once.clockLog.map((e) => e.eventId)).toEqual([state.clockLog[0]?.eventId, state.clockLog[1]?.eventId, 's1']);
  });

  it('is empty for a stored projection written before it existed', () => {
    const { state } = play(answeredSteps().slice(0, 2));
    const { clockLog: _dropped, ...older } = state;
    expect(reviveCaseState(JSON.parse(JSON.stringify(older)), CASE_ID).clockLog).toEqual([]);
    expect(reviveCaseState(JSON.parse(JSON.stringify(state)), CASE_ID).clockLog).toEqual(state.clockLog);
    expect(initialCaseState().clockLog).toEqual([]);
  });
});

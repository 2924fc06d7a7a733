import { assertValidEvent, decodeEvent, type EventOf } from '@sunshine/contracts';

import { BUREAU, CASE_ID, commands, DEPT, play, T0 } from './__fixtures__/case.fixtures';
import { samplePayloads } from './__fixtures__/sample-payloads';
import { initialCaseState } from './case-state';
import { type EvolvableEvent, evolve } from './evolve';
import { fold } from './fold';
import { reviveCaseState } from './revive-case-state';

const registered = play([commands.register()]);

function signed(over: Partial<EvolvableEvent> = {}): EvolvableEvent {
  return { id: 'e-1', type: 'case.signed', version: 1, occurredAt: T0, payload: { unitId: DEPT }, ...over };
}

describe('evolve', () => {
  it('skips an unknown event type and reports it', () => {
    const result = evolve(registered.state, { type: 'case.teleported', version: 1, payload: {} });
    expect(result.state).toBe(registered.state);
    expect(result.skipped).toEqual({ type: 'case.teleported', version: 1, reason: 'unknown-type' });
  });

  it('skips a newer schema version (rolling deploys)', () => {
    const result = evolve(registered.state, signed({ version: 2 }));
    expect(result.skipped).toMatchObject({ type: 'case.signed', version: 2, reason: 'newer-version' });
    expect(result.state.status).toBe('registered');
  });

  it('skips events of other topics', () => {
    const result = evolve(registered.state, { type: 'org.unit-snapshot', version: 1, payload: {} });
    expect(result.skipped?.reason).toBe('not-a-case-event');
  });

  it('skips a payload that breaks its schema, naming the field', () => {
    const result = evolve(registered.state, signed({ payload: { unitId: 42 } }));
    expect(result.skipped).toMatchObject({ reason: 'invalid-payload', detail: expect.stringContaining('unitId') });
    expect(evolve(registered.state, signed({ payload: undefined })).skipped?.reason).toBe('invalid-payload');
  });

  it('skips the same event delivered twice in a row', () => {
    const once = evolve(registered.state, signed()).state;
    const twice = evolve(once, signed());
    expect(twice.skipped?.reason).toBe('duplicate');
    expect(twice.state.version).toBe(once.version);
  });

  it('reports malformed input instead of throwing', () => {
    const garbage = [null, 42, 'case.signed', {}, { type: 7 }, signed({ version: 1.5 })] as unknown as EvolvableEvent[];
    for (const event of garbage) expect(evolve(registered.state, event).skipped?.reason).toBe('malformed');
  });

  it('applies facts whatever the status: the log is the truth', () => {
    const result = evolve(initialCaseState(), signed({ caseId: CASE_ID }));
    expect(result.skipped).toBeUndefined();
    expect(result.state).toMatchObject({ status: 'signed', holdingUnitId: DEPT, caseId: CASE_ID, version: 1 });
  });

  it('applies an event as decoded by the contracts', () => {
    const event: EventOf<'case.dispatched'> = assertValidEvent({
      id: '0190a6b2-7c3e-7a1b-8c2d-00000000ffff',
      type: 'case.dispatched',
      version: 1,
      occurredAt: T0,
      producer: 'routing',
      caseId: CASE_ID,
      jurisdiction: { place: ['410700000000', '410726000000'], unit: ['410700000000', '410726000000'] },
      actor: { kind: 'system', id: 'routing' },
      correlationId: 'c-1',
      causationId: null,
      payload: samplePayloads['case.dispatched'],
    });
    const decoded = decodeEvent(JSON.parse(JSON.stringify(event)));
    if (decoded.kind !== 'event') throw new Error('not decoded');
    const { state } = evolve(registered.state, decoded.event);
    expect(state).toMatchObject({ status: 'dispatched', holdingUnitId: DEPT, heldBy: [BUREAU, DEPT] });
    expect(state.assignment).toEqual({ unitId: DEPT, bureauUnitId: BUREAU });
    expect(state.stages.original?.dispatchedAt).toBe(T0);
  });

  it('applies every case-log event type it knows', () => {
    for (const [type, payload] of Object.entries(samplePayloads)) {
      expect(evolve(registered.state, { type, version: 1, payload }).skipped).toBeUndefined();
    }
  });
});

describe('evolve on supervision facts', () => {
  const supervised = fold(
    (
      [
        'case.supervision-order-issued',
        'case.escalated',
        'case.leader-assigned',
        'case.backlog-registered',
        'case.overdue',
        'case.overdue',
        'case.reported-up',
      ] as const
    ).map((type) => ({ type, payload: samplePayloads[type] })),
    registered.state,
  ).state;

  it('sets flags, never the status', () => {
    expect(supervised.status).toBe('registered');
    expect(supervised.flags).toMatchObject({
      supervised: true,
      escalationStep: 2,
      leaderRef: 'leader-1',
      backlog: true,
      reportedUp: true,
    });
    expect(supervised.flags.overdue).toHaveLength(1);
    expect(supervised.flags.openOrders).toHaveLength(1);
  });

  it('closes an answered order and clears the backlog', () => {
    const { state } = fold(
      [
        { type: 'case.supervision-order-answered', payload: samplePayloads['case.supervision-order-answered'] },
        { type: 'case.backlog-cleared', payload: samplePayloads['case.backlog-cleared'] },
      ],
      supervised,
    );
    expect(state.flags).toMatchObject({ openOrders: [], backlog: false, supervised: true });
  });
});

describe('fold', () => {
  it('reports skipped events in log order and applies the rest', () => {
    const { state, skipped } = fold([...registered.events, { type: 'case.unknown', version: 1, payload: {} }, signed({ version: 9 })]);
    expect(state.status).toBe('registered');
    expect(skipped.map((s) => s.reason)).toEqual(['unknown-type', 'newer-version']);
  });
});

describe('reviveCaseState', () => {
  it('fills fields an older snapshot lacks, so it keeps evolving', () => {
    const { state } = play([commands.register(), commands.dispatch(BUREAU, DEPT)]);
    const old = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
    delete old['assignment'];
    delete (old['flags'] as Record<string, unknown>)['overdue'];
    delete ((old['stages'] as Record<string, Record<string, unknown>>)['original'] ?? {})['extensionDays'];
    const revived = reviveCaseState(old);
    expect(revived).toEqual({ ...state, assignment: null });
    expect(evolve(revived, { type: 'case.overdue', payload: samplePayloads['case.overdue'] }).skipped).toBeUndefined();
  });

  it('gives the empty case for anything that is not a stored state', () => {
    expect(reviveCaseState(null, CASE_ID)).toEqual(initialCaseState(CASE_ID));
    expect(reviveCaseState('garbage')).toEqual(initialCaseState());
  });
});

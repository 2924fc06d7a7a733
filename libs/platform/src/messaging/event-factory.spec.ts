import { assertValidEvent } from '@sunshine/contracts';

import { runWithCorrelation } from '../correlation/correlation-context';
import { type EventMeta, newEvent } from './event-factory';

const PLACE = ['410700000000', '410726000000'];
const CASE_ID = '0190a2b4-7c1e-7def-8000-0123456789ab';

/** A valid `case.dispatched`; `extra` is the correlation part of the meta under test. */
function dispatchedEvent(extra: Pick<EventMeta, 'correlationId' | 'causedBy'> = {}) {
  const event = newEvent(
    'case.dispatched',
    {
      stage: 'original',
      fromUnitId: '410726000000:petition-bureau',
      toUnitId: '410726000000:dept-hrss',
      mode: 'forward',
      rule: { id: 'labour-wages', version: 1 },
      reasons: ['属地：延津县；主管：人社局（劳资纠纷）'],
      hop: 1,
    },
    { caseId: CASE_ID, jurisdiction: { place: PLACE, unit: PLACE }, actor: { kind: 'system', id: 'routing' }, ...extra },
  );
  assertValidEvent(event);
  return event;
}

describe('newEvent correlation', () => {
  it('starts its own chain outside any context', () => {
    const event = dispatchedEvent();
    expect(event.correlationId).toBe(event.id);
    expect(event.causationId).toBeNull();
  });

  it('takes the HTTP request’s correlation id from the context, with no cause', () => {
    const event = runWithCorrelation({ correlationId: 'test-http-1' }, () => dispatchedEvent());
    expect(event.correlationId).toBe('test-http-1');
    expect(event.causationId).toBeNull();
  });

  it('takes the handled event as cause inside a consumer', () => {
    const event = runWithCorrelation({ correlationId: 'test-http-1', causationId: 'evt-registered' }, () => dispatchedEvent());
    expect(event.correlationId).toBe('test-http-1');
    expect(event.causationId).toBe('evt-registered');
  });

  it('lets an explicit causedBy win over the context', () => {
    const event = runWithCorrelation({ correlationId: 'ctx', causationId: 'evt-ctx' }, () =>
      dispatchedEvent({ causedBy: { id: 'evt-explicit', correlationId: 'corr-explicit' } }),
    );
    expect(event.correlationId).toBe('corr-explicit');
    expect(event.causationId).toBe('evt-explicit');
  });

  it('starts a fresh chain for an explicit other correlation id, keeping the context’s cause only for its own', () => {
    const other = runWithCorrelation({ correlationId: 'ctx', causationId: 'evt-ctx' }, () => dispatchedEvent({ correlationId: 'other' }));
    expect(other.correlationId).toBe('other');
    expect(other.causationId).toBeNull();
    const same = runWithCorrelation({ correlationId: 'ctx', causationId: 'evt-ctx' }, () => dispatchedEvent({ correlationId: 'ctx' }));
    expect(same.causationId).toBe('evt-ctx');
  });
});

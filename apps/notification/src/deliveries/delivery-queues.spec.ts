import { backoffDelay, deliveryJobOf } from './delivery-queues';

describe('backoffDelay', () => {
  it('doubles from the base with each attempt, jittered between half and one and a half times', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 2000, undefined, () => 0.5))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(3, 2000, undefined, () => 0)).toBe(4000);
    expect(backoffDelay(3, 2000, undefined, () => 0.999)).toBe(11992);
  });

  it('waits as long as the provider asked when it said so', () => {
    expect(backoffDelay(1, 2000, 60000, () => 0.5)).toBe(60000);
  });
});

describe('deliveryJobOf', () => {
  it('carries the planning event’s correlation id and trace context into the job, and nothing it does not have', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(deliveryJobOf({ id: 'd-1', correlationId: 'corr-1', traceContext: { traceparent } })).toEqual({
      deliveryId: 'd-1',
      correlationId: 'corr-1',
      traceContext: { traceparent },
    });
    expect(deliveryJobOf({ id: 'd-2' })).toEqual({ deliveryId: 'd-2' });
  });
});

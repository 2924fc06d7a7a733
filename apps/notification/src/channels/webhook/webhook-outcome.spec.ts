import { retryAfterMs, webhookOutcome } from './webhook-outcome';

describe('webhookOutcome', () => {
  it('accepts any 2xx', () => {
    expect(webhookOutcome(200)).toEqual({ outcome: 'accepted', providerId: 'HTTP 200' });
    expect(webhookOutcome(204)).toEqual({ outcome: 'accepted', providerId: 'HTTP 204' });
  });

  it('rejects a 4xx but 408 and 429, which are retried', () => {
    expect(webhookOutcome(400)).toEqual({ outcome: 'rejected', reason: 'HTTP 400' });
    expect(webhookOutcome(404).outcome).toBe('rejected');
    expect(webhookOutcome(408)).toEqual({ outcome: 'retry', reason: 'HTTP 408' });
    expect(webhookOutcome(429, 30_000)).toEqual({ outcome: 'retry', reason: 'HTTP 429', retryAfterMs: 30_000 });
  });

  it('retries a 5xx and a redirect', () => {
    expect(webhookOutcome(503).outcome).toBe('retry');
    expect(webhookOutcome(302).outcome).toBe('retry');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and an HTTP date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 12:01:00 GMT', Date.UTC(2026, 11, 2, 12, 0, 0))).toBe(60_000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

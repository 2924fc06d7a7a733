import { ConfigurationError } from '@sunshine/platform';

import { loadUpstreamConfig } from './upstream.config';

const SECRET = 'upstream-secret-of-at-least-32-characters';

describe('loadUpstreamConfig', () => {
  it('has no target without a URL: nothing is planned nor sent', () => {
    expect(loadUpstreamConfig({})).toEqual({ target: null, maxAttempts: 12, retryBaseMs: 5000, timeoutMs: 10_000, reconciliation: null });
  });

  it('reads the target, the retry policy and the daily reconciliation from the environment', () => {
    expect(
      loadUpstreamConfig({
        UPSTREAM_URL: 'https://xf.example.gov.cn/api/changes',
        UPSTREAM_SECRET: SECRET,
        UPSTREAM_MAX_ATTEMPTS: '3',
        UPSTREAM_RETRY_BASE_MS: '200',
        UPSTREAM_TIMEOUT_MS: '2000',
        UPSTREAM_ACK_URL: 'https://xf.example.gov.cn/api/acknowledged',
        UPSTREAM_RECONCILE_AT: '02:30',
      }),
    ).toEqual({
      target: { url: 'https://xf.example.gov.cn/api/changes', secret: SECRET },
      maxAttempts: 3,
      retryBaseMs: 200,
      timeoutMs: 2000,
      reconciliation: { ackUrl: 'https://xf.example.gov.cn/api/acknowledged', secret: SECRET, at: '02:30', pollMs: 60_000 },
    });
  });

  it('refuses a URL or an acknowledgement URL without a secret, a short secret, a time of day that is none, no attempt at all and a wait beyond an hour', () => {
    expect(() => loadUpstreamConfig({ UPSTREAM_URL: 'https://xf.example.gov.cn/api/changes' })).toThrow(ConfigurationError);
    expect(() => loadUpstreamConfig({ UPSTREAM_URL: 'https://xf.example.gov.cn/api/changes', UPSTREAM_SECRET: 'short' })).toThrow(
      ConfigurationError,
    );
    expect(() => loadUpstreamConfig({ UPSTREAM_ACK_URL: 'https://xf.example.gov.cn/api/acknowledged' })).toThrow(ConfigurationError);
    expect(() => loadUpstreamConfig({ UPSTREAM_RECONCILE_AT: '24:00' })).toThrow(ConfigurationError);
    expect(() => loadUpstreamConfig({ UPSTREAM_MAX_ATTEMPTS: '0' })).toThrow(ConfigurationError);
    expect(() => loadUpstreamConfig({ UPSTREAM_RETRY_BASE_MS: '3600001' })).toThrow(ConfigurationError);
  });
});

import { ConfigurationError } from '@sunshine/platform';

import { loadUpstreamConfig } from './upstream.config';

const SECRET = 'upstream-secret-of-at-least-32-characters';

describe('loadUpstreamConfig', () => {
  it('has no target without a URL: nothing is planned nor sent', () => {
    expect(loadUpstreamConfig({})).toEqual({ target: null, maxAttempts: 12, retryBaseMs: 5000, timeoutMs: 10_000 });
  });

  it('reads the target and the retry policy from the environment', () => {
    expect(
      loadUpstreamConfig({
        UPSTREAM_URL: 'https://xf.example.gov.cn/api/changes',
        UPSTREAM_SECRET: SECRET,
        UPSTREAM_MAX_ATTEMPTS: '3',
        UPSTREAM_RETRY_BASE_MS: '200',
        UPSTREAM_TIMEOUT_MS: '2000',
      }),
    ).toEqual({
      target: { url: 'https://xf.example.gov.cn/api/changes', secret: SECRET },
      maxAttempts: 3,
      retryBaseMs: 200,
      timeoutMs: 2000,
    });
  });

  it('refuses a URL without a secret, a short secret, no attempt at all and a wait beyond an hour', () => {
    expect(() => loadUpstreamConfig({ UPSTREAM_URL: 'https://xf.example.gov.cn/api/changes' })).toThrow(ConfigurationError);
    expect(() => loadUpstreamConfig({ UPSTREAM_URL: 'https://xf.example.gov.cn/api/changes', UPSTREAM_SECRET: 'short' })).toThrow(
      ConfigurationError,
    );
    expect(() => loadUpstreamConfig({ UPSTREAM_MAX_ATTEMPTS: '0' })).toThrow(ConfigurationError);
    expect(() => loadUpstreamConfig({ UPSTREAM_RETRY_BASE_MS: '3600001' })).toThrow(ConfigurationError);
  });
});

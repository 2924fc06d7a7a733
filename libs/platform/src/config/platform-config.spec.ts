import { ConfigurationError, loadPlatformConfig } from './platform-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_PUBLIC_KEY_FILE: '/keys/public.pem',
};
/** A production environment needs the service's event key and the services' event public keys too. */
const production = {
  ...valid,
  NODE_ENV: 'production',
  EVENT_SIGNING_KEY_FILE: '/keys/event-signing/intake.pem',
  EVENT_KEYS_DIR: '/keys/events',
};

describe('loadPlatformConfig', () => {
  it('maps the environment to one typed object with the service schema', () => {
    const config = loadPlatformConfig('routing', { ...valid, DB_SCHEMA_PREFIX: 'e2e1' });
    expect(config.database.schema).toBe('e2e1_routing');
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.failpoints).toEqual([]);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadPlatformConfig('intake', { DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://x', PORT: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/KAFKA_BROKERS/);
    expect(problems).toMatch(/PORT/);
  });

  it('refuses fail points and the shared test clock in production', () => {
    expect(() => loadPlatformConfig('intake', { ...production, FAILPOINTS: 'consumer.after-effect' })).toThrow(/FAILPOINTS/);
    expect(() => loadPlatformConfig('intake', { ...production, TEST_CLOCK: 'shared' })).toThrow(/TEST_CLOCK/);
  });

  it('requires the event keys in production (each service signs what it publishes, verifies what it consumes)', () => {
    expect(() => loadPlatformConfig('intake', { ...valid, NODE_ENV: 'production' })).toThrow(
      'invalid configuration (配置无效):\n  - EVENT_SIGNING_KEY_FILE: required in production (事件签名)\n  - EVENT_KEYS_DIR: required in production (事件验签)',
    );
    expect(loadPlatformConfig('intake', production).events).toEqual({
      signingKeyFile: '/keys/event-signing/intake.pem',
      keysDir: '/keys/events',
      unsignedBelowFile: undefined,
    });
    expect(loadPlatformConfig('intake', valid).events).toEqual({
      signingKeyFile: undefined,
      keysDir: undefined,
      unsignedBelowFile: undefined,
    });
  });

  it('limits token lifetimes to 15 minutes in production (configurable below), 8 hours elsewhere', () => {
    expect(loadPlatformConfig('intake', { ...production }).auth.maxTokenLifetimeSeconds).toBe(900);
    expect(loadPlatformConfig('intake', { ...production, AUTH_MAX_TOKEN_LIFETIME_S: '300' }).auth.maxTokenLifetimeSeconds).toBe(300);
    expect(() => loadPlatformConfig('intake', { ...production, AUTH_MAX_TOKEN_LIFETIME_S: '3600' })).toThrow(
      /AUTH_MAX_TOKEN_LIFETIME_S: at most 900/,
    );
    expect(loadPlatformConfig('intake', { ...valid, NODE_ENV: 'test' }).auth.maxTokenLifetimeSeconds).toBe(28800);
  });

  it("uses the service's own DATABASE_URL_<SERVICE> and REDIS_URL_<SERVICE> when given, the shared ones otherwise", () => {
    const own = {
      ...valid,
      DATABASE_URL_ROUTING: 'postgres://sunshine_routing:pw@127.0.0.1:5432/db',
      REDIS_URL_ROUTING: 'redis://routing:pw@127.0.0.1:6379',
    };
    const routing = loadPlatformConfig('routing', own);
    expect(routing.database.url).toBe('postgres://sunshine_routing:pw@127.0.0.1:5432/db');
    expect(routing.redis.url).toBe('redis://routing:pw@127.0.0.1:6379');
    const intake = loadPlatformConfig('intake', own);
    expect(intake.database.url).toBe('postgres://u:p@127.0.0.1:5432/db');
    expect(intake.redis.url).toBe('redis://127.0.0.1:6379');
    expect(() => loadPlatformConfig('intake', { ...valid, DATABASE_URL_INTAKE: 'mysql://x', REDIS_URL_INTAKE: 'http://x' })).toThrow(
      /DATABASE_URL_INTAKE: must be a postgres:\/\/ URL[\s\S]*REDIS_URL_INTAKE: must be a redis:\/\/ URL/,
    );
  });

  it('requires a way to verify tokens', () => {
    const { AUTH_PUBLIC_KEY_FILE: _, ...noKey } = valid;
    expect(() => loadPlatformConfig('intake', noKey)).toThrow(/AUTH_PUBLIC_KEY/);
  });
});

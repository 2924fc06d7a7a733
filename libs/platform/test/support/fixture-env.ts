import { join } from 'node:path';

import { infraEnv, type TestKeys } from '@sunshine/testing';

import { ROOT } from './fixture-process';

/** Where a test file's fixture processes write their logs. */
export function logDirFor(prefix: string): string {
  return join(ROOT, 'tmp', 'int-logs', prefix);
}

/**
 * The environment of a fixture process: the real infrastructure, the run's own schema prefix and topic prefix
 * (consumer groups are prefixed with it too), short timeouts that still hold on a 2-core machine.
 */
export function fixtureEnv(prefix: string, keys: TestKeys, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const infra = infraEnv();
  return {
    PATH: process.env['PATH'],
    TZ: 'UTC',
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: infra.databaseUrl,
    DB_SCHEMA_PREFIX: prefix,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    REDIS_URL: infra.redisUrl,
    CONSUMER_SESSION_TIMEOUT_MS: '6000',
    CONSUMER_RETRY_BASE_MS: '50',
    CONSUMER_MAX_ATTEMPTS: '3',
    RELAY_POLL_MS: '50',
    ...keys.env(),
    ...extra,
  };
}

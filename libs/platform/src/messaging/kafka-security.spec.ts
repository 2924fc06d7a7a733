import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadPlatformConfig } from '../config/platform-config';
import { kafkaClientSecurity, kafkaSecurityFromEnv } from './kafka-security';

const BASE = { DATABASE_URL: 'postgres://x/y', KAFKA_BROKERS: 'k:9092', REDIS_URL: 'redis://r', AUTH_PUBLIC_KEY: 'pem' };

describe('Kafka credentials from the environment', () => {
  it('is off without KAFKA_SASL_MECHANISM (the local PLAINTEXT broker)', () => {
    expect(loadPlatformConfig('intake', BASE).kafka.security).toEqual({});
  });

  it("takes the service's own password file and its default user name", () => {
    const env = {
      ...BASE,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_PASSWORD_FILE_ROUTING: '/run/secrets/routing',
      KAFKA_SASL_PASSWORD_FILE: '/x',
    };
    expect(loadPlatformConfig('routing', env).kafka.security).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'sunshine-routing', password: { file: '/run/secrets/routing' } },
    });
    expect(loadPlatformConfig('intake', env).kafka.security.sasl?.password).toEqual({ file: '/x' });
  });

  it('lists every problem: unknown mechanism, no password, inline password in production, KAFKA_SSL not a boolean', () => {
    const problems: string[] = [];
    kafkaSecurityFromEnv('intake', { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SSL: 'yes' }, problems);
    kafkaSecurityFromEnv('intake', { KAFKA_SASL_MECHANISM: 'scram-sha-512' }, problems);
    kafkaSecurityFromEnv(
      'intake',
      { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_PASSWORD_INTAKE: 's', NODE_ENV: 'production' },
      problems,
    );
    expect(problems).toEqual([
      'KAFKA_SSL: must be true or false',
      'KAFKA_SASL_MECHANISM: one of scram-sha-512, scram-sha-256',
      'KAFKA_SASL_PASSWORD_FILE_INTAKE (or KAFKA_SASL_PASSWORD_FILE): required with KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_PASSWORD_INTAKE: not inline in production (use KAFKA_SASL_PASSWORD_FILE_INTAKE, a mounted secret)',
    ]);
    expect(() => loadPlatformConfig('intake', { ...BASE, KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /KAFKA_SASL_PASSWORD_FILE_INTAKE/,
    );
  });

  it("gives kafkajs the password read from the file (trailing newline dropped) and TLS with the cluster's CA", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
    writeFileSync(join(dir, 'password'), 's3cret\n');
    writeFileSync(join(dir, 'ca.pem'), 'PEM');
    const security = kafkaSecurityFromEnv(
      'evaluation',
      {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_PASSWORD_FILE: join(dir, 'password'),
        KAFKA_SASL_USERNAME: 'eval',
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: join(dir, 'ca.pem'),
      },
      [],
    );
    expect(kafkaClientSecurity(security)).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'eval', password: 's3cret' },
      ssl: { ca: ['PEM'] },
    });
  });
});

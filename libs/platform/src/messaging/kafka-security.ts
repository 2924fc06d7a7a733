import { readFileSync } from 'node:fs';

import type { SASLOptions } from 'kafkajs';

import type { ServiceName } from '../config/platform-config';

/** SASL mechanisms the platform's brokers offer (SCRAM-SHA-512 in every deployment; docs/security.md). */
export const KafkaSaslMechanisms = ['scram-sha-512', 'scram-sha-256'] as const;
export type KafkaSaslMechanism = (typeof KafkaSaslMechanisms)[number];

/** How a service authenticates to Kafka: nothing (the local PLAINTEXT broker), or SASL/SCRAM as its own user. */
export interface KafkaSecurity {
  readonly sasl?: {
    readonly mechanism: KafkaSaslMechanism;
    readonly username: string;
    /** The file holding the password (a mounted secret), or the password itself (development only). */
    readonly password: { readonly file: string } | { readonly value: string };
  };
  /** TLS to the brokers (a listener with `tls: true`), with the cluster CA's PEM file when not a public CA. */
  readonly ssl?: { readonly caFile?: string };
}

/**
 * 消息认证 Kafka credentials from the environment, for `service`:
 * - KAFKA_SASL_MECHANISM `scram-sha-512` (or `scram-sha-256`): off when unset;
 * - KAFKA_SASL_USERNAME_<SERVICE> or KAFKA_SASL_USERNAME, default `sunshine-<service>` (deploy/kafka-acls.json's users);
 * - the password from KAFKA_SASL_PASSWORD_FILE_<SERVICE> or KAFKA_SASL_PASSWORD_FILE (a mounted secret), or inline
 *   in KAFKA_SASL_PASSWORD_<SERVICE> / KAFKA_SASL_PASSWORD (refused in production);
 * - KAFKA_SSL `true` for TLS, KAFKA_SSL_CA_FILE the CA's PEM.
 * The per-service names let one shell run the five services (deploy/local/infra.sh env). Problems are appended.
 */
export function kafkaSecurityFromEnv(service: ServiceName, source: NodeJS.ProcessEnv, problems: string[]): KafkaSecurity {
  const own = (name: string): string | undefined => source[`${name}_${service.toUpperCase()}`] || source[name] || undefined;
  const mechanism = source['KAFKA_SASL_MECHANISM'] || undefined;
  const ssl = source['KAFKA_SSL'] || undefined;
  if (ssl !== undefined && ssl !== 'true' && ssl !== 'false') problems.push('KAFKA_SSL: must be true or false');
  const security: { sasl?: KafkaSecurity['sasl']; ssl?: KafkaSecurity['ssl'] } = {};
  if (ssl === 'true') security.ssl = { caFile: source['KAFKA_SSL_CA_FILE'] || undefined };
  if (mechanism === undefined) return security;
  if (!(KafkaSaslMechanisms as readonly string[]).includes(mechanism)) {
    problems.push(`KAFKA_SASL_MECHANISM: one of ${KafkaSaslMechanisms.join(', ')}`);
    return security;
  }
  const file = own('KAFKA_SASL_PASSWORD_FILE');
  const value = own('KAFKA_SASL_PASSWORD');
  const upper = service.toUpperCase();
  if (!file && !value) problems.push(`KAFKA_SASL_PASSWORD_FILE_${upper} (or KAFKA_SASL_PASSWORD_FILE): required with KAFKA_SASL_MECHANISM`);
  if (!file && value && source['NODE_ENV'] === 'production') {
    problems.push(`KAFKA_SASL_PASSWORD_${upper}: not inline in production (use KAFKA_SASL_PASSWORD_FILE_${upper}, a mounted secret)`);
  }
  security.sasl = {
    mechanism: mechanism as KafkaSaslMechanism,
    username: own('KAFKA_SASL_USERNAME') ?? `sunshine-${service}`,
    password: file ? { file } : { value: value ?? '' },
  };
  return security;
}

/** kafkajs' `sasl` and `ssl` options (the password file read now: a rotated secret applies at the next start). */
export function kafkaClientSecurity(security: KafkaSecurity | undefined): { sasl?: SASLOptions; ssl?: boolean | { ca: string[] } } {
  const out: { sasl?: SASLOptions; ssl?: boolean | { ca: string[] } } = {};
  if (security?.ssl) out.ssl = security.ssl.caFile ? { ca: [readFileSync(security.ssl.caFile, 'utf8')] } : true;
  const sasl = security?.sasl;
  if (sasl) {
    const password = 'file' in sasl.password ? readFileSync(sasl.password.file, 'utf8').trim() : sasl.password.value;
    out.sasl =
      sasl.mechanism === 'scram-sha-512'
        ? { mechanism: 'scram-sha-512', username: sasl.username, password }
        : { mechanism: 'scram-sha-256', username: sasl.username, password };
  }
  return out;
}

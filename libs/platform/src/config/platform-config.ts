import { z } from 'zod';

import { type KafkaSecurity, kafkaSecurityFromEnv } from '../messaging/kafka-security';

/** The five services; each owns a PostgreSQL schema named after it (prefixed in test runs). */
export const ServiceNames = ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const;
export type ServiceName = (typeof ServiceNames)[number];

/** 等保: staff tokens live at most 15 minutes in production (refresh through the identity provider). */
export const PRODUCTION_MAX_TOKEN_LIFETIME_S = 900;
/** Development and tests: the development sign-in's 8 hours. */
export const DEVELOPMENT_MAX_TOKEN_LIFETIME_S = 28_800;

const csv = z
  .string()
  .min(1)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  /** The service's PostgreSQL pool: connections, how long a request waits for one, how many may wait before 503. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(10).max(60000).default(3000),
  DB_POOL_MAX_WAITING: z.coerce.number().int().min(0).max(100000).default(200),
  /** The pool of the outbox relay and the Kafka consumer, apart from HTTP's: requests holding connections never starve publishing. */
  DB_BACKGROUND_POOL_MAX: z.coerce.number().int().min(1).max(200).default(4),
  /** Schema prefix so parallel test runs never share tables; empty in production. */
  DB_SCHEMA_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/)
    .default(''),
  /**
   * 迁移 Migrations: `run` at boot (default, the local stack and tests), `skip` (instances of a deployment whose
   * migration Job ran them: no replica races another), `only` (that Job: apply the pending migrations, then exit 0).
   */
  MIGRATIONS: z.enum(['run', 'skip', 'only']).default('run'),
  KAFKA_BROKERS: csv,
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/)
    .default(''),
  KAFKA_CLIENT_ID: z.string().optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  AUTH_ISSUER: z.string().min(1).default('sunshine-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('sunshine'),
  /** SPKI PEM of the token signer (inline, or a file path in AUTH_PUBLIC_KEY_FILE), or a JWKS URL. */
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_PUBLIC_KEY_FILE: z.string().optional(),
  AUTH_JWKS_URL: z.url().optional(),
  /**
   * 令牌最长有效期 The longest a token may live, in seconds (exp − iat, and exp − now): 900 (15 minutes) by default in
   * production, where more than 900 is refused; 28800 (8 hours, the development sign-in's) elsewhere.
   */
  AUTH_MAX_TOKEN_LIFETIME_S: z.coerce.number().int().min(30).max(86400).optional(),
  /**
   * PKCS#8 PEM file of this service's OWN key (never the staff key: refused at start), which signs its short-lived
   * service tokens (`kid: service:<name>`) for service-to-service HTTP calls, e.g. intake fetching a reply from routing.
   * With the identity provider's client credentials (AUTH_TOKEN_URL) it is not needed.
   */
  SERVICE_SIGNING_KEY_FILE: z.string().optional(),
  /**
   * 服务公钥目录 Directory of the services' own public keys, `<service>.pem` (SPKI): a token whose header names
   * `kid: service:<name>` is verified with that file only, and accepted only as exactly that service's own service token
   * (auth/service-keys.ts). Without it, tokens signed by service keys are refused.
   */
  AUTH_SERVICE_KEYS_DIR: z.string().min(1).optional(),
  /**
   * 事件签名 PKCS#8 PEM file of this service's OWN Ed25519 event key: the outbox relay signs every event it publishes
   * with it (headers `event-signer`, `event-signature`; messaging/event-signature.ts). Required in production.
   */
  EVENT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /**
   * 事件公钥目录 Directory of the services' event public keys, `<service>.pem` (SPKI, Ed25519): a consumer applies an
   * event only when its signer's key verifies it and the signer is the event type's producer; others are dead-lettered
   * (EVENT_SIGNATURE_*). Required in production; without it (development) events are applied unverified.
   */
  EVENT_KEYS_DIR: z.string().min(1).optional(),
  /**
   * 签名前的历史 Only for a deployment upgraded with unsigned history on its topics: the JSON file (`npm run
   * event-cutover`) of the first offset per topic and partition written once every producer signed; unsigned messages
   * below it are accepted (messaging/event-signature.ts UnsignedHistory).
   */
  EVENT_UNSIGNED_BELOW_FILE: z.string().min(1).optional(),
  /**
   * 服务间调用凭据 The identity provider's token endpoint (Keycloak: <issuer>/protocol/openid-connect/token): when set,
   * the service gets its tokens for calling others by the OAuth client-credentials grant as SERVICE_CLIENT_ID (default
   * `sunshine-<service>`) with the secret in SERVICE_CLIENT_SECRET_FILE_<SERVICE> (or SERVICE_CLIENT_SECRET_FILE),
   * instead of signing them with SERVICE_SIGNING_KEY_FILE. See docs/identity.md.
   */
  AUTH_TOKEN_URL: z.url().optional(),
  SERVICE_CLIENT_ID: z.string().min(1).optional(),
  SERVICE_CLIENT_SECRET_FILE: z.string().optional(),
  /**
   * 密码配置 Crypto profile: `standard` (AES-256-GCM, HMAC-SHA-256, SHA-256 audit chain) or `gm` (国密: SM4 with
   * HMAC-SM3, HMAC-SM3 indexes, SM3 audit chain). See docs/security.md.
   */
  CRYPTO_PROFILE: z.enum(['standard', 'gm']).default('standard'),
  /** Test-only fail points, e.g. `consumer.after-effect:petition.registered`; refused in production. */
  FAILPOINTS: z.string().default(''),
  /** Test only: `shared` makes every process read one clock offset from Redis (moved by end-to-end tests). */
  TEST_CLOCK: z.enum(['system', 'shared']).default('system'),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  CONSUMER_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60000).default(200),
  CONSUMER_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300000).default(30000),
  /** Partitions a consumer applies side by side (kafkajs partitionsConsumedConcurrently); a key's order is its partition's. */
  CONSUMER_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(2),
  /** Consecutive messages of a partition applied in one transaction (each with its inbox row); 1 = one transaction each. */
  CONSUMER_CHUNK_MAX: z.coerce.number().int().min(1).max(1000).default(20),
  RELAY_POLL_MS: z.coerce.number().int().min(5).max(60000).default(1000),
});

export type PlatformEnv = z.infer<typeof envSchema>;
/** `standard` (AES-256-GCM / SHA-256) or `gm` (国密 SM4 / SM3). */
export type CryptoProfile = PlatformEnv['CRYPTO_PROFILE'];

export interface PlatformConfig {
  readonly service: ServiceName;
  readonly env: PlatformEnv['NODE_ENV'];
  readonly port: number;
  readonly logLevel: PlatformEnv['LOG_LEVEL'];
  readonly database: {
    readonly url: string;
    readonly schema: string;
    /** Pool size, acquire timeout (ms) and the waiters beyond which HTTP requests are shed with 503 (0: never). */
    readonly pool: { readonly max: number; readonly acquireTimeoutMs: number; readonly maxWaiting: number };
    /** The outbox relay's and the consumer's pool (a DataSource of its own, BACKGROUND_DATA_SOURCE): its size. */
    readonly backgroundPool: { readonly max: number };
    /** MIGRATIONS: run them at boot, skip them, or run them only and exit. */
    readonly migrations: 'run' | 'skip' | 'only';
  };
  readonly kafka: {
    readonly brokers: string[];
    readonly topicPrefix: string;
    readonly clientId: string;
    /** SASL/SCRAM as the service's own user, TLS (KAFKA_SASL_*, KAFKA_SSL: messaging/kafka-security.ts). */
    readonly security: KafkaSecurity;
  };
  readonly redis: { readonly url: string };
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    readonly publicKeyPem?: string;
    readonly publicKeyFile?: string;
    readonly jwksUrl?: string;
    readonly serviceSigningKeyFile?: string;
    /** The services' own public keys (`<service>.pem`), the only keys tokens with `kid: service:<name>` verify with. */
    readonly serviceKeysDir?: string;
    /** Client credentials at the identity provider (AUTH_TOKEN_URL): preferred over serviceSigningKeyFile when set. */
    readonly clientCredentials?: { readonly tokenUrl: string; readonly clientId: string; readonly secretFile: string };
    /** Tokens living longer (exp − iat, or exp − now) are refused (401 TOKEN_LIFETIME_EXCESSIVE). */
    readonly maxTokenLifetimeSeconds: number;
  };
  /** Producer-signed events (messaging/event-signature.ts): this service's own event key, the services' public keys. */
  readonly events: { readonly signingKeyFile?: string; readonly keysDir?: string; readonly unsignedBelowFile?: string };
  readonly crypto: { readonly profile: CryptoProfile };
  readonly failpoints: readonly string[];
  readonly testClock: 'system' | 'shared';
  readonly consumer: {
    readonly maxAttempts: number;
    readonly retryBaseMs: number;
    readonly sessionTimeoutMs: number;
    readonly groupPrefix: string;
    readonly partitionsConcurrently: number;
    readonly chunkMax: number;
  };
  readonly relay: { readonly pollMs: number };
}

/**
 * 各服务独立凭据 The service's own credentials, when given: DATABASE_URL_<SERVICE> (its PostgreSQL login role, owner of
 * its schema only) and REDIS_URL_<SERVICE> (its Redis ACL user, limited to its keys) win over the shared DATABASE_URL
 * and REDIS_URL (development and tests). See docs/security.md.
 */
function serviceUrls(service: ServiceName, source: NodeJS.ProcessEnv, problems: string[]): { database?: string; redis?: string } {
  const own = (name: string, pattern: RegExp, expected: string): string | undefined => {
    const key = `${name}_${service.toUpperCase()}`;
    const value = source[key];
    if (value === undefined || value === '') return undefined;
    if (!pattern.test(value)) problems.push(`${key}: must be a ${expected} URL`);
    return value;
  };
  return {
    database: own('DATABASE_URL', /^postgres(ql)?:\/\//, 'postgres://'),
    redis: own('REDIS_URL', /^rediss?:\/\//, 'redis://'),
  };
}

/** Thrown at start-up with every configuration problem listed at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration (配置无效):\n  - ${problems.join('\n  - ')}`);
  }
}

/** Maps the environment to one typed object, or fails listing every problem. The only reader of process.env. */
export function loadPlatformConfig(service: ServiceName, source: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = envSchema.safeParse(source);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const ownUrls = serviceUrls(service, source, problems);
  const kafkaSecurity = kafkaSecurityFromEnv(service, source, problems);
  const clientSecretFile =
    source[`SERVICE_CLIENT_SECRET_FILE_${service.toUpperCase()}`] || source['SERVICE_CLIENT_SECRET_FILE'] || undefined;
  if (source['AUTH_TOKEN_URL'] && !clientSecretFile)
    problems.push(`SERVICE_CLIENT_SECRET_FILE_${service.toUpperCase()} (or SERVICE_CLIENT_SECRET_FILE): required with AUTH_TOKEN_URL`);
  if (parsed.success) {
    const e = parsed.data;
    if (!e.AUTH_PUBLIC_KEY && !e.AUTH_PUBLIC_KEY_FILE && !e.AUTH_JWKS_URL) {
      problems.push('AUTH_PUBLIC_KEY, AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL: one is required');
    }
    if (e.NODE_ENV === 'production' && (e.AUTH_MAX_TOKEN_LIFETIME_S ?? 0) > PRODUCTION_MAX_TOKEN_LIFETIME_S) {
      problems.push(`AUTH_MAX_TOKEN_LIFETIME_S: at most ${PRODUCTION_MAX_TOKEN_LIFETIME_S} in production (令牌有效期不超过15分钟)`);
    }
    if (e.NODE_ENV === 'production' && e.FAILPOINTS) problems.push('FAILPOINTS: not allowed in production');
    // 事件签名: a production service signs what it publishes and verifies what it consumes (messaging/event-signature.ts).
    if (e.NODE_ENV === 'production' && !e.EVENT_SIGNING_KEY_FILE)
      problems.push('EVENT_SIGNING_KEY_FILE: required in production (事件签名)');
    if (e.NODE_ENV === 'production' && !e.EVENT_KEYS_DIR) problems.push('EVENT_KEYS_DIR: required in production (事件验签)');
    if (e.NODE_ENV !== 'test' && e.TEST_CLOCK === 'shared') problems.push('TEST_CLOCK: shared is allowed only with NODE_ENV=test');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigurationError(problems);
  const e = parsed.data;
  return {
    service,
    env: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: {
      url: ownUrls.database ?? e.DATABASE_URL,
      schema: e.DB_SCHEMA_PREFIX ? `${e.DB_SCHEMA_PREFIX}_${service}` : service,
      pool: { max: e.DB_POOL_MAX, acquireTimeoutMs: e.DB_POOL_ACQUIRE_TIMEOUT_MS, maxWaiting: e.DB_POOL_MAX_WAITING },
      backgroundPool: { max: e.DB_BACKGROUND_POOL_MAX },
      migrations: e.MIGRATIONS,
    },
    kafka: {
      brokers: e.KAFKA_BROKERS,
      topicPrefix: e.KAFKA_TOPIC_PREFIX,
      clientId: e.KAFKA_CLIENT_ID ?? `sunshine-${service}`,
      security: kafkaSecurity,
    },
    redis: { url: ownUrls.redis ?? e.REDIS_URL },
    auth: {
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      publicKeyPem: e.AUTH_PUBLIC_KEY,
      publicKeyFile: e.AUTH_PUBLIC_KEY_FILE,
      jwksUrl: e.AUTH_JWKS_URL,
      serviceSigningKeyFile: e.SERVICE_SIGNING_KEY_FILE,
      serviceKeysDir: e.AUTH_SERVICE_KEYS_DIR,
      clientCredentials:
        e.AUTH_TOKEN_URL && clientSecretFile
          ? { tokenUrl: e.AUTH_TOKEN_URL, clientId: e.SERVICE_CLIENT_ID ?? `sunshine-${service}`, secretFile: clientSecretFile }
          : undefined,
      maxTokenLifetimeSeconds:
        e.AUTH_MAX_TOKEN_LIFETIME_S ?? (e.NODE_ENV === 'production' ? PRODUCTION_MAX_TOKEN_LIFETIME_S : DEVELOPMENT_MAX_TOKEN_LIFETIME_S),
    },
    events: { signingKeyFile: e.EVENT_SIGNING_KEY_FILE, keysDir: e.EVENT_KEYS_DIR, unsignedBelowFile: e.EVENT_UNSIGNED_BELOW_FILE },
    crypto: { profile: e.CRYPTO_PROFILE },
    failpoints: e.FAILPOINTS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    testClock: e.TEST_CLOCK,
    consumer: {
      maxAttempts: e.CONSUMER_MAX_ATTEMPTS,
      retryBaseMs: e.CONSUMER_RETRY_BASE_MS,
      sessionTimeoutMs: e.CONSUMER_SESSION_TIMEOUT_MS,
      groupPrefix: e.KAFKA_TOPIC_PREFIX,
      partitionsConcurrently: e.CONSUMER_PARTITIONS_CONCURRENTLY,
      chunkMax: e.CONSUMER_CHUNK_MAX,
    },
    relay: { pollMs: e.RELAY_POLL_MS },
  };
}

/** A service's own settings (e.g. intake's encryption keys), validated like the platform's: every problem listed. */
export function loadServiceEnv<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

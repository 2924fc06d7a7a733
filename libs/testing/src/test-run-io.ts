import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import { type OrgUnitSnapshot, prefixed, type TopicName, Topics } from '@sunshine/contracts';
import { divisionLineage } from '@sunshine/domain';
import {
  createKafka,
  createOrderedProducer,
  ensureTopics,
  HttpErrorFilter,
  KafkaEventServer,
  newEvent,
  OutboxRelay,
  type PlatformConfig,
  type ServiceName,
  type StaffRole,
} from '@sunshine/platform';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { dropTestRun } from './drop-test-run';
import { eventually, http, type JsonResponse } from './http';
import { infraEnv } from './infra-env';
import { TestKeys } from './test-keys';

/** What the platform's headers are made of: every envelope has these fields. */
export interface EnvelopeFields {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly producer: string;
  readonly correlationId: string;
}

/** The Kafka headers a service's relay puts on an event (the consumers read them before the value). */
export function envelopeHeaders(e: EnvelopeFields): Record<string, string> {
  return {
    'event-id': e.id,
    'event-type': e.type,
    'event-version': String(e.version),
    producer: e.producer,
    'correlation-id': e.correlationId,
  };
}

/** One Kafka message: key, value and headers (kafkajs' `Message` with strings only). */
export interface EventMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/**
 * The message `signer`'s outbox relay would publish for `value` on `topic` (without the run's prefix, as signatures
 * cover it): `headers` (default: the envelope headers when `value` is an envelope) plus `signer`'s event signature.
 * Every test that puts events on Kafka by hand goes through here: consumers apply only what the event type's producer
 * signed (messaging/event-signature.ts). `signer` defaults to the envelope's `producer`.
 */
export function signedMessage(
  keys: TestKeys,
  topic: string,
  key: string,
  value: EnvelopeFields | Record<string, unknown>,
  options: { readonly signer?: string; readonly headers?: Record<string, string> } = {},
): EventMessage {
  const text = JSON.stringify(value);
  const envelope = isEnvelope(value) ? value : undefined;
  const signer = options.signer ?? envelope?.producer;
  if (signer === undefined) throw new Error('signedMessage: name the signer of a value without a producer');
  const headers = options.headers ?? (envelope ? envelopeHeaders(envelope) : {});
  return { key, value: text, headers: { ...headers, ...keys.eventSignature(signer, { topic, key, value: text }) } };
}

function isEnvelope(value: EnvelopeFields | Record<string, unknown>): value is EnvelopeFields {
  return (
    ['id', 'type', 'producer', 'correlationId'].every((f) => typeof value[f as keyof typeof value] === 'string') &&
    typeof value.version === 'number'
  );
}

/**
 * The I/O an integration-test world does on one test run (`prefix`): produces events onto the run's topics as a relay
 * would, queries one service schema (`<prefix>_<service>`, unqualified table names), and cleans the run up.
 * The producer and the database client are opened on first use.
 */
export class TestRunIO {
  private producer?: Producer;
  private db?: Client;

  /** `keys`: the run's keys (events are signed as their producer); `service` names the schema `sql`/`count` query. */
  constructor(
    readonly prefix: string,
    readonly kafka: Kafka,
    private readonly keys: () => TestKeys,
    private readonly service?: string,
  ) {}

  /** Produces events onto `<prefix>.<topic>` as their producers' relays would (headers, signature), acknowledged by every replica. */
  async send<E extends EnvelopeFields>(topic: string, events: readonly E[], key: (e: E) => string): Promise<void> {
    if (!this.producer) {
      this.producer = createOrderedProducer(this.kafka);
      await this.producer.connect();
    }
    await this.producer.send({
      topic: prefixed(this.prefix, topic),
      acks: -1,
      messages: events.map((e) => signedMessage(this.keys(), topic, key(e), e)),
    });
  }

  /** A query in the service's schema (unqualified table names). */
  async sql<T extends object = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    if (!this.service) throw new Error('this TestRunIO has no service schema');
    if (!this.db) {
      this.db = new Client({ connectionString: infraEnv().databaseUrl, options: `-c search_path=${this.prefix}_${this.service}` });
      await this.db.connect();
    }
    return (await this.db.query<T>(query, params)).rows;
  }

  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
    return Number(row?.n ?? 0);
  }

  /** Closes the producer and the database client (best effort). */
  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
    await this.db?.end().catch(() => undefined);
    this.db = undefined;
  }

  /** Closes, then drops the run's schemas and topics (see dropTestRun). */
  async drop(): Promise<void> {
    await this.close();
    await dropTestRun(this.prefix, this.kafka);
  }
}

/**
 * The common part of a world that runs one service in the test process on its own test run: the run's Kafka client,
 * signing keys, topics, the service's schema (`sql`, `count`), HTTP calls to it, and the directory seed.
 */
export abstract class TestRunWorld {
  readonly kafka: Kafka;
  url = '';
  protected signingKeys?: TestKeys;
  protected readonly io: TestRunIO;

  protected constructor(
    readonly prefix: string,
    private readonly service: ServiceName,
  ) {
    this.kafka = createKafka(`${service}-int-${prefix}`, infraEnv().kafkaBrokers);
    this.io = new TestRunIO(prefix, this.kafka, () => this.keys, service);
  }

  get keys(): TestKeys {
    if (!this.signingKeys) throw new Error('the world is set up in beforeAll');
    return this.signingKeys;
  }

  /** Keys and topics, then `start` (the service), then the directory replica seeded with `directory`. */
  protected async setUpRun(start: () => Promise<void>, directory: readonly OrgUnitSnapshot[], seedActor: string): Promise<void> {
    this.signingKeys = await TestKeys.create();
    await ensureTopics(this.kafka, this.prefix);
    await start();
    const events = directory.map((u) =>
      newEvent('org.unit-snapshot', u, {
        jurisdiction: { place: [], unit: divisionLineage(u.divisionCode).slice(1) },
        actor: { kind: 'system', id: seedActor },
      }),
    );
    await this.send(Topics.orgDirectory, events, (e) => e.payload.id);
    await eventually(
      async () => ((await this.count('directory_units')) >= directory.length ? true : undefined),
      60000,
      'the directory replica',
    );
  }

  /** The environment every service reads in these tests: this run's schemas, topics and keys, fast consumer and relay. */
  protected baseEnv(): NodeJS.ProcessEnv {
    const infra = infraEnv();
    return {
      TZ: 'UTC',
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: infra.databaseUrl,
      DB_SCHEMA_PREFIX: this.prefix,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: this.prefix,
      REDIS_URL: infra.redisUrl,
      CONSUMER_SESSION_TIMEOUT_MS: '6000',
      CONSUMER_RETRY_BASE_MS: '50',
      RELAY_POLL_MS: '50',
      ...this.keys.env(this.service),
    };
  }

  /**
   * Starts a compiled service module as bootstrapService does: the error filter, the Kafka consumer of `topics` (which
   * pokes the outbox relay after each commit), HTTP on a free local port; sets `url`.
   */
  protected async boot(moduleRef: TestingModule, config: PlatformConfig, topics: readonly TopicName[]): Promise<NestFastifyApplication> {
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error', 'warn'] });
    app.useGlobalFilters(new HttpErrorFilter());
    const relay = app.get(OutboxRelay);
    const server = new KafkaEventServer(config, this.kafka, app.get(DataSource), { topics, afterCommit: () => relay.poke() });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen({ port: 0, host: '127.0.0.1' });
    this.url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return app;
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body: unknown, token: string): Promise<JsonResponse<T>> {
    return http<T>(method, `${this.url}${path}`, { body, token });
  }

  /** A query in the service's schema (unqualified table names). */
  sql<T extends object = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.io.sql<T>(query, params);
  }

  count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    return this.io.count(table, where, params);
  }

  protected send<E extends EnvelopeFields>(topic: string, events: readonly E[], key: (e: E) => string): Promise<void> {
    return this.io.send(topic, events, key);
  }
}

/** A staff token for a demo unit (`<division>:<kind>`): its division is the id's first 12 digits. */
export function unitToken(keys: TestKeys, unitId: string, roles: StaffRole[], sub: string): Promise<string> {
  return keys.token({ sub, unit: unitId, division: unitId.slice(0, 12), roles });
}

/** The injectable clock of the integration tests: "now" is whatever the test set, and stays there. */
export class ManualClock {
  readonly shared = false;
  private ms: number;

  constructor(start: string) {
    this.ms = Date.parse(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(instant: string | Date): void {
    this.ms = new Date(instant).getTime();
  }
}

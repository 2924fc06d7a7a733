import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { prefixed, Topics, type EventOf, type EventType, type OrgUnitSnapshot, type PayloadOf } from '@sunshine/contracts';
import { divisionLineage } from '@sunshine/domain';
import {
  Clock,
  createKafka,
  createOrderedProducer,
  ensureTopics,
  HttpErrorFilter,
  KafkaEventServer,
  loadPlatformConfig,
  newEvent,
  OutboxRelay,
  type StaffRole,
} from '@sunshine/platform';
import { DEMO_CITY, DEMO_COUNTY, DEMO_DONGTUN, DEMO_UNITS as UNITS, dropTestRun, eventually, http, infraEnv, TestKeys, uniquePrefix, type JsonResponse } from '@sunshine/testing';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { CHANNEL_PROVIDERS, type ChannelProvider } from '../../src/channels/channel';
import { InAppProvider } from '../../src/inbox/in-app.provider';
import { loadNotificationConfig, NOTIFICATION_CONFIG } from '../../src/notification-config';

export { UNITS };
export type UnitKey = keyof typeof UNITS;

function unit(id: string, kind: string, divisionCode: string, level: OrgUnitSnapshot['level'], parentId: string | null): OrgUnitSnapshot {
  const path = level === 'city' ? [DEMO_CITY] : level === 'county' ? [DEMO_CITY, DEMO_COUNTY] : [DEMO_CITY, DEMO_COUNTY, divisionCode];
  return { id, name: id, kind, divisionCode, level, territoryPath: path, parentId, competences: [], nonAdministrative: false, revision: 1 };
}

/** 新乡市 / 延津县: both bureaus and discipline commissions, the county government, 人社局, 东屯镇 with its petition office. */
const DIRECTORY: readonly OrgUnitSnapshot[] = [
  unit(UNITS.cityBureau, 'petition-bureau', DEMO_CITY, 'city', null),
  unit(UNITS.cityDiscipline, 'discipline', DEMO_CITY, 'city', null),
  unit(UNITS.countyBureau, 'petition-bureau', DEMO_COUNTY, 'county', UNITS.cityBureau),
  unit(UNITS.countyGov, 'government', DEMO_COUNTY, 'county', null),
  unit(UNITS.countyDiscipline, 'discipline', DEMO_COUNTY, 'county', null),
  unit(UNITS.hrss, 'dept-hrss', DEMO_COUNTY, 'county', UNITS.countyGov),
  unit(UNITS.dongtun, 'government', DEMO_DONGTUN, 'township', UNITS.countyGov),
  unit(UNITS.dongtunOffice, 'petition-office', DEMO_DONGTUN, 'township', UNITS.dongtun),
];

/** The injectable clock of these tests: "now" is what the test set. */
export class ManualClock {
  readonly shared = false;
  private ms: number;
  constructor(start: string) {
    this.ms = Date.parse(start);
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(instant: string): void {
    this.ms = Date.parse(instant);
  }
}

/**
 * The notification service in this process (its real modules, Kafka consumer, relay, BullMQ workers) on the real
 * infrastructure, with a manual clock and the channel providers a test gives (in-app always). Other services' events are
 * produced straight onto the run's topics; intake is a local HTTP stand-in the test answers for.
 */
export class NotificationWorld {
  readonly prefix = uniquePrefix('nt');
  readonly kafka: Kafka = createKafka(`notification-int-${this.prefix}`, infraEnv().kafkaBrokers);
  readonly clock: ManualClock;
  app?: NestFastifyApplication;
  url = '';
  private signingKeys?: TestKeys;
  private producer?: Producer;
  private db?: Client;

  private constructor(start: string, private readonly extraEnv: () => Record<string, string>, private readonly providers: ChannelProvider[]) {
    this.clock = new ManualClock(start);
  }

  static forSuite(start: string, extraEnv: () => Record<string, string> = () => ({}), providers: ChannelProvider[] = []): NotificationWorld {
    const world = new NotificationWorld(start, extraEnv, providers);
    beforeAll(() => world.setUp(), 120_000);
    afterAll(() => world.cleanup(), 60_000);
    return world;
  }

  get keys(): TestKeys {
    if (!this.signingKeys) throw new Error('the world is set up in beforeAll');
    return this.signingKeys;
  }

  private async setUp(): Promise<void> {
    this.signingKeys = await TestKeys.create();
    await ensureTopics(this.kafka, this.prefix);
    await this.start();
    await this.send(Topics.orgDirectory, DIRECTORY.map((u) => newEvent('org.unit-snapshot', u, {
      jurisdiction: { place: [], unit: divisionLineage(u.divisionCode).slice(1) },
      actor: { kind: 'system', id: 'notification-int-seed' },
    })), (e) => e.payload.id);
    await eventually(async () => ((await this.count('directory_units')) >= DIRECTORY.length ? true : undefined), 60000, 'the directory replica');
  }

  env(): NodeJS.ProcessEnv {
    const infra = infraEnv();
    return {
      TZ: 'UTC', NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn',
      DATABASE_URL: infra.databaseUrl, DB_SCHEMA_PREFIX: this.prefix,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: this.prefix, REDIS_URL: infra.redisUrl,
      CONSUMER_SESSION_TIMEOUT_MS: '6000', CONSUMER_RETRY_BASE_MS: '50', RELAY_POLL_MS: '50',
      NOTIFICATION_SWEEP_MS: '200', NOTIFICATION_BACKOFF_MS: '50',
      ...this.keys.env(),
      ...this.extraEnv(),
    };
  }

  private async start(): Promise<void> {
    const env = this.env();
    const config = loadPlatformConfig('notification', env);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(Clock).useValue(this.clock)
      .overrideProvider(NOTIFICATION_CONFIG).useValue(loadNotificationConfig(config, env))
      .overrideProvider(CHANNEL_PROVIDERS).useFactory({ inject: [InAppProvider], factory: (inApp: InAppProvider) => [inApp, ...this.providers] })
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error', 'warn'] });
    app.useGlobalFilters(new HttpErrorFilter());
    const relay = app.get(OutboxRelay);
    const server = new KafkaEventServer(config, this.kafka, app.get(DataSource), {
      topics: [Topics.caseLog, Topics.orgDirectory, Topics.referenceData, Topics.alerts],
      afterCommit: () => relay.poke(),
    });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen({ port: 0, host: '127.0.0.1' });
    this.app = app;
    this.url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  /** Produces another service's case event and waits until notification applied it. */
  async emit<T extends EventType>(caseId: string, type: T, payload: PayloadOf<T>, occurredAt: string): Promise<EventOf<T>> {
    const event = newEvent(type, payload, {
      caseId,
      occurredAt: new Date(occurredAt),
      jurisdiction: { place: [DEMO_CITY, DEMO_COUNTY], unit: [DEMO_CITY, DEMO_COUNTY] },
      actor: { kind: 'system', id: 'notification-int' },
    });
    await this.send(Topics.caseLog, [event], () => caseId);
    await eventually(async () => ((await this.count('case_replica_events', 'event_id = $1', [event.id])) > 0 ? true : undefined), 30000, `${type} applied`);
    return event;
  }

  /** Produces an event on another topic (e.g. an alert), keyed as its producer would. */
  async publish<T extends EventType>(topic: string, type: T, payload: PayloadOf<T>, key: string): Promise<EventOf<T>> {
    const event = newEvent(type, payload, { jurisdiction: { place: [DEMO_CITY], unit: [] }, actor: { kind: 'system', id: 'notification-int' } });
    await this.send(topic, [event], () => key);
    return event;
  }

  token(unit: UnitKey, roles: StaffRole[] = ['clerk'], sub = `${unit}-clerk`): Promise<string> {
    const id = UNITS[unit];
    return this.keys.token({ sub, unit: id, division: id.slice(0, 12), roles });
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body: unknown, token: string): Promise<JsonResponse<T>> {
    return http<T>(method, `${this.url}${path}`, { body, token });
  }

  async sql<T extends object = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    if (!this.db) {
      this.db = new Client({ connectionString: infraEnv().databaseUrl, options: `-c search_path=${this.prefix}_notification` });
      await this.db.connect();
    }
    return (await this.db.query<T>(query, params)).rows;
  }

  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
    return Number(row?.n ?? 0);
  }

  async cleanup(): Promise<void> {
    await this.app?.close().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    await this.db?.end().catch(() => undefined);
    await dropTestRun(this.prefix, this.kafka);
  }

  private async send<E extends { id: string; type: string; version: number; producer: string; correlationId: string }>(topic: string, events: readonly E[], key: (e: E) => string): Promise<void> {
    if (!this.producer) {
      this.producer = createOrderedProducer(this.kafka);
      await this.producer.connect();
    }
    await this.producer.send({
      topic: prefixed(this.prefix, topic),
      acks: -1,
      messages: events.map((e) => ({ key: key(e), value: JSON.stringify(e), headers: { 'event-id': e.id, 'event-type': e.type, 'event-version': String(e.version), producer: e.producer, 'correlation-id': e.correlationId } })),
    });
  }
}

import { type AnyEvent, prefixed, Topics } from '@sunshine/contracts';
import { createKafka, ensureTopics, type ServiceName } from '@sunshine/platform';
import { infraEnv, signedMessage, TestKeys, uniquePrefix } from '@sunshine/testing';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';

import { fixtureEnv, logDirFor } from './fixture-env';
import { FixtureProcess } from './fixture-process';

export const CONSUMER_FIXTURE = 'libs/platform/test/fixtures/consumer.fixture.ts';
export const RELAY_FIXTURE = 'libs/platform/test/fixtures/relay.fixture.ts';

/**
 * One test file's world: a unique prefix for schemas, topics and consumer groups, a signing key, a PostgreSQL
 * client, a Kafka client, the fixture processes it started (killed at the end), and clean-up of all of it.
 */
export class TestRun {
  readonly prefix: string;
  readonly kafka: Kafka;
  readonly db: Client;
  readonly logDir: string;
  private readonly fixtures: FixtureProcess[] = [];
  private producer?: Producer;

  private constructor(
    label: string,
    readonly keys: TestKeys,
  ) {
    this.prefix = uniquePrefix(label);
    this.logDir = logDirFor(this.prefix);
    const infra = infraEnv();
    this.kafka = createKafka(`test-${this.prefix}`, infra.kafkaBrokers);
    this.db = new Client({ connectionString: infra.databaseUrl });
  }

  static async create(label: string): Promise<TestRun> {
    const run = new TestRun(label, await TestKeys.create());
    await run.db.connect();
    await ensureTopics(run.kafka, run.prefix);
    return run;
  }

  topic(name: string = Topics.caseLog): string {
    return prefixed(this.prefix, name);
  }

  schema(service: string): string {
    return `${this.prefix}_${service}`;
  }

  /**
   * Starts a process with its service's own keys (tokens, events): a service's `apps/<service>/…` script as that
   * service, the relay fixture as intake, the consumer fixture as FIXTURE_SERVICE (routing by default).
   */
  start(name: string, script: string, extraEnv: Record<string, string> = {}): FixtureProcess {
    const app = /^apps\/([a-z]+)\//.exec(script)?.[1];
    const service = (app ?? (script === RELAY_FIXTURE ? 'intake' : (extraEnv['FIXTURE_SERVICE'] ?? 'routing'))) as ServiceName;
    const env = fixtureEnv(this.prefix, this.keys, { ...this.keys.env(service), ...extraEnv });
    const fixture = FixtureProcess.start(name, script, env, this.logDir);
    this.fixtures.push(fixture);
    return fixture;
  }

  /**
   * Produces events straight to the case log as their producers' relays would (signed), keyed by case id; `signer`
   * names another service whose key signs them instead (a forgery: consumers must refuse it).
   */
  async produce(events: readonly AnyEvent[], partition?: number, signer?: ServiceName): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    await this.producer.send({
      topic: this.topic(),
      acks: -1,
      messages: events.map((e) => ({ ...signedMessage(this.keys, Topics.caseLog, e.caseId ?? '', e, { signer }), partition })),
    });
  }

  /** Produces raw values (e.g. events of unknown types) with a key and no headers, signed by the value's producer. */
  async produceRaw(key: string, values: ReadonlyArray<Record<string, unknown>>, partition?: number): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    await this.producer.send({
      topic: this.topic(),
      acks: -1,
      messages: values.map((v) => ({ ...signedMessage(this.keys, Topics.caseLog, key, v, { headers: {} }), partition })),
    });
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const rows = await this.query<{ n: string | number }>(sql, params);
    return Number(rows[0]?.n ?? 0);
  }

  /** A staff token: by default the platform's operator `ops-engineer-1` of the city's bureau (FIXTURE_UNITS.cityBureau). */
  async staffToken(roles: Array<'ops' | 'clerk'> = ['ops'], who: { readonly sub?: string; readonly unit?: string } = {}): Promise<string> {
    const unit = who.unit ?? '410700000000:petition-bureau';
    return this.keys.token({ sub: who.sub ?? 'ops-engineer-1', unit, roles, division: unit.slice(0, 12) });
  }

  /** Kills what is still running, drops the run's schemas and deletes its topics (best effort). */
  async cleanup(): Promise<void> {
    await Promise.all(this.fixtures.filter((f) => f.running).map((f) => f.kill('SIGKILL').catch(() => undefined)));
    await this.producer?.disconnect().catch(() => undefined);
    if (process.env['KEEP_TEST_DATA'] !== '1') {
      const schemas = await this.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
        `${this.prefix}\\_%`,
      ]);
      for (const s of schemas) await this.db.query(`DROP SCHEMA IF EXISTS "${s.nspname}" CASCADE`).catch(() => undefined);
      const admin = this.kafka.admin();
      try {
        await admin.connect();
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${this.prefix}.`));
        if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 });
      } catch {
        // best effort
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
    await this.db.end().catch(() => undefined);
  }
}

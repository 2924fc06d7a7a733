import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type EventOf, type EventType, type PayloadOf, Topics } from '@sunshine/contracts';
import { Clock, loadPlatformConfig, newEvent, type StaffRole } from '@sunshine/platform';
import { eventually, infraEnv, ManualClock, TestRunWorld, uniquePrefix, unitToken } from '@sunshine/testing';
import Redis from 'ioredis';

import { AppModule } from '../../src/app.module';
import { DueCheckService } from '../../src/ledger/due-check.service';
import { loadSupervisionConfig, SUPERVISION_CONFIG } from '../../src/supervision-config';
import { TEST_DIRECTORY, UNITS } from './directory';
import { NOTICE_TYPES } from './notices';

/** A Redis database index only these tests use: they FLUSHDB it to lose Redis. */
const REDIS_DB = 13;

export type UnitKey = keyof typeof UNITS;

/**
 * The supervision service in this process (its real modules, Kafka consumer, outbox relay and BullMQ worker on the real
 * infrastructure) with a ManualClock injected as the platform Clock, so a test sets "now" for the ledger's due check.
 * Other services' events are produced straight onto the run's case log.
 */
export class SupervisionWorld extends TestRunWorld {
  readonly clock: ManualClock;
  app?: NestFastifyApplication;

  private constructor(
    start: string,
    private readonly extraEnv: Record<string, string>,
  ) {
    super(uniquePrefix('sv'), 'supervision');
    this.clock = new ManualClock(start);
  }

  /**
   * The world of one describe block, "now" at `start`: set up before its tests (topics, the service, the directory
   * replica) and cleaned up after them. Call it at the top of the block.
   */
  static forSuite(start: string, extraEnv: Record<string, string> = {}): SupervisionWorld {
    const world = new SupervisionWorld(start, extraEnv);
    beforeAll(() => world.setUp());
    afterAll(() => world.cleanup());
    return world;
  }

  private async setUp(): Promise<void> {
    await this.setUpRun(() => this.start(), TEST_DIRECTORY, 'supervision-int-seed');
  }

  env(): NodeJS.ProcessEnv {
    const infra = infraEnv();
    const redis = new URL(infra.redisUrl);
    redis.pathname = `/${REDIS_DB}`;
    return {
      ...this.baseEnv(),
      REDIS_URL: redis.toString(),
      SUPERVISION_SCAN_MS: '250',
      ...this.extraEnv,
    };
  }

  /** Boots the service in this process, as bootstrapService does, with the manual clock in place of the system one. */
  async start(): Promise<void> {
    const env = this.env();
    const config = loadPlatformConfig('supervision', env);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(this.clock)
      .overrideProvider(SUPERVISION_CONFIG)
      .useValue(loadSupervisionConfig(config, env))
      .compile();
    this.app = await this.boot(moduleRef, config, [Topics.caseLog, Topics.orgDirectory, Topics.referenceData]);
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  /** Loses Redis: every BullMQ key of this test database (the scan's scheduler, delayed wake-ups) is gone. */
  async flushRedis(): Promise<number> {
    const redis = new Redis(this.env()['REDIS_URL'] ?? '');
    try {
      const keys = (await redis.keys(`bull.${this.prefix}:*`)).length;
      await redis.flushdb();
      return keys;
    } finally {
      redis.disconnect();
    }
  }

  async redisKeys(): Promise<string[]> {
    const redis = new Redis(this.env()['REDIS_URL'] ?? '');
    try {
      return await redis.keys(`bull.${this.prefix}:*`);
    } finally {
      redis.disconnect();
    }
  }

  /** Sets "now" and waits until two whole scans of the ledger ran after it. */
  async at(instant: string): Promise<void> {
    this.clock.set(instant);
    const check = this.app?.get(DueCheckService);
    if (!check) throw new Error('supervision is not running');
    const target = check.scans + 2;
    await eventually(async () => (check.scans >= target ? true : undefined), 30000, `two scans at ${instant}`);
    // Events raised by the scan are in the outbox (the assertions read it), published or not.
  }

  /** Produces another service's case event (as its relay would) and waits until supervision applied it. */
  async emit<T extends EventType>(caseId: string, type: T, payload: PayloadOf<T>, occurredAt: string): Promise<EventOf<T>> {
    const event = newEvent(type, payload, {
      caseId,
      occurredAt: new Date(occurredAt),
      jurisdiction: { place: ['410700000000', '410726000000'], unit: ['410700000000', '410726000000'] },
      actor: { kind: 'system', id: 'supervision-int' },
    });
    await this.send(Topics.caseLog, [event], () => caseId);
    await eventually(
      async () => ((await this.count('case_replica_events', 'event_id = $1', [event.id])) > 0 ? true : undefined),
      30000,
      `${type} applied`,
    );
    return event;
  }

  /** The clock notices supervision raised for a case, as `type clock-or-window dueAt`, in outbox order. */
  async notices(caseId: string): Promise<string[]> {
    const rows = await this.sql<{ type: string; value: { payload: Record<string, string> } }>(
      `SELECT type, value FROM outbox WHERE message_key = $1 AND type = ANY($2) ORDER BY seq`,
      [caseId, NOTICE_TYPES],
    );
    return rows.map((r) => `${r.type} ${r.value.payload['clock'] ?? r.value.payload['window']} ${r.value.payload['dueAt']}`);
  }

  /** Events of one type supervision wrote for a case. */
  async written<T extends EventType>(caseId: string, type: T): Promise<Array<EventOf<T>>> {
    const rows = await this.sql<{ value: EventOf<T> }>(`SELECT value FROM outbox WHERE message_key = $1 AND type = $2 ORDER BY seq`, [
      caseId,
      type,
    ]);
    return rows.map((r) => r.value);
  }

  async clocks(
    caseId: string,
  ): Promise<Array<{ kind: string; status: string; due_at: Date; last_day: string; provisional: boolean; late: boolean | null }>> {
    return this.sql(`SELECT kind, status, due_at, last_day, provisional, late FROM deadline_clocks WHERE case_id = $1 ORDER BY kind`, [
      caseId,
    ]);
  }

  token(unit: UnitKey, roles: StaffRole[] = ['clerk', 'handler', 'head', 'supervisor']): Promise<string> {
    return unitToken(this.keys, UNITS[unit], roles, `${unit}-staff`);
  }

  async cleanup(): Promise<void> {
    await this.stop().catch(() => undefined);
    await this.io.drop();
  }
}

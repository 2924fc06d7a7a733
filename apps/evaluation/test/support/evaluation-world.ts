import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type EventOf, type EventType, type OrgUnitSnapshot, type PayloadOf, prefixed, Topics } from '@sunshine/contracts';
import { loadPlatformConfig, newEvent, type StaffRole } from '@sunshine/platform';
import {
  DEMO_CITY,
  DEMO_COUNTY,
  DEMO_DONGTUN,
  DEMO_FENGQIU,
  DEMO_FENGZHUANG,
  DEMO_UNITS as UNITS,
  eventually,
  TestRunWorld,
  uniquePrefix,
  unitToken,
} from '@sunshine/testing';

import { AppModule } from '../../src/app.module';

export { UNITS };
export type UnitKey = keyof typeof UNITS;

function unit(id: string, kind: string, divisionCode: string, level: OrgUnitSnapshot['level'], parentId: string | null): OrgUnitSnapshot {
  const county = divisionCode.slice(0, 6).padEnd(12, '0');
  const path = level === 'city' ? [DEMO_CITY] : level === 'county' ? [DEMO_CITY, divisionCode] : [DEMO_CITY, county, divisionCode];
  return { id, name: id, kind, divisionCode, level, territoryPath: path, parentId, competences: [], nonAdministrative: false, revision: 1 };
}

/** 新乡市 with 延津县 (its bureau, 人社局, 住建局, two townships) and 封丘县 (its bureau and 人社局). */
export const DIRECTORY: readonly OrgUnitSnapshot[] = [
  unit(UNITS.cityBureau, 'petition-bureau', DEMO_CITY, 'city', null),
  unit(UNITS.countyBureau, 'petition-bureau', DEMO_COUNTY, 'county', UNITS.cityBureau),
  unit(UNITS.countyGov, 'government', DEMO_COUNTY, 'county', null),
  unit(UNITS.hrss, 'dept-hrss', DEMO_COUNTY, 'county', UNITS.countyGov),
  unit(UNITS.housing, 'dept-housing', DEMO_COUNTY, 'county', UNITS.countyGov),
  unit(UNITS.dongtun, 'government', DEMO_DONGTUN, 'township', UNITS.countyGov),
  unit(UNITS.fengzhuang, 'government', DEMO_FENGZHUANG, 'township', UNITS.countyGov),
  unit(UNITS.fengqiuBureau, 'petition-bureau', DEMO_FENGQIU, 'county', UNITS.cityBureau),
  unit(UNITS.fengqiuHrss, 'dept-hrss', DEMO_FENGQIU, 'county', null),
];

/**
 * The evaluation service in this process (its real modules, Kafka consumer and outbox relay on the real infrastructure);
 * other services' case events are produced straight onto the run's case log.
 */
export class EvaluationWorld extends TestRunWorld {
  app?: NestFastifyApplication;

  private constructor() {
    super(uniquePrefix('ev'), 'evaluation');
  }

  static forSuite(): EvaluationWorld {
    const world = new EvaluationWorld();
    beforeAll(() => world.setUp(), 180_000);
    afterAll(() => world.cleanup(), 60_000);
    return world;
  }

  private async setUp(): Promise<void> {
    await this.setUpRun(() => this.start(), DIRECTORY, 'evaluation-int-seed');
  }

  env(): NodeJS.ProcessEnv {
    return this.baseEnv();
  }

  private async start(): Promise<void> {
    const config = loadPlatformConfig('evaluation', this.env());
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    this.app = await this.boot(moduleRef, config, [Topics.caseLog, Topics.orgDirectory, Topics.referenceData]);
  }

  /** Produces another service's case event (as its relay would) and waits until evaluation applied it. */
  async emit<T extends EventType>(caseId: string, type: T, payload: PayloadOf<T>, occurredAt: string): Promise<EventOf<T>> {
    const event = newEvent(type, payload, {
      caseId,
      occurredAt: new Date(occurredAt),
      jurisdiction: { place: [DEMO_CITY, DEMO_COUNTY], unit: [DEMO_CITY, DEMO_COUNTY] },
      actor: { kind: 'system', id: 'evaluation-int' },
    });
    await this.deliver(event);
    return event;
  }

  /** Produces an event (again: a redelivery keeps its id) and waits until the consumer has passed it. */
  async deliver(event: {
    id: string;
    type: string;
    version: number;
    producer: string;
    correlationId: string;
    caseId?: string;
  }): Promise<void> {
    const caseId = event.caseId ?? '';
    await this.send(Topics.caseLog, [event], () => caseId);
    // A redelivered event is skipped by the consumer: its id is already processed, so wait for the offset instead.
    await eventually(
      async () => ((await this.count('processed_events', 'event_id = $1', [event.id])) > 0 ? true : undefined),
      30000,
      `${event.type} consumed`,
    );
    await this.settled();
  }

  /** Waits until the consumer's committed offsets reach the end of the case log (nothing left to apply). */
  async settled(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topic = prefixed(this.prefix, Topics.caseLog);
      const ends = await admin.fetchTopicOffsets(topic);
      await eventually(
        async () => {
          const [group] = await admin.fetchOffsets({ groupId: `${this.prefix}.evaluation`, topics: [topic] });
          const committed = new Map((group?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
          return ends.every((e) => Number(e.offset) === 0 || (committed.get(e.partition) ?? -1) >= Number(e.offset)) ? true : undefined;
        },
        30000,
        'the case log consumed',
      );
    } finally {
      await admin.disconnect();
    }
  }

  token(unit: UnitKey, roles: StaffRole[] = ['head', 'supervisor', 'leader'], sub = `${unit}-staff`): Promise<string> {
    return unitToken(this.keys, UNITS[unit], roles, sub);
  }

  async cleanup(): Promise<void> {
    await this.app?.close().catch(() => undefined);
    await this.io.drop();
  }
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type EventOf, type EventType, type OrgUnitSnapshot, type PayloadOf, Topics } from '@sunshine/contracts';
import { Clock, loadPlatformConfig, newEvent, type StaffRole } from '@sunshine/platform';
import {
  DEMO_CITY,
  DEMO_COUNTY,
  DEMO_DONGTUN,
  DEMO_UNITS as UNITS,
  eventually,
  ManualClock,
  TestRunWorld,
  uniquePrefix,
  unitToken,
} from '@sunshine/testing';

import { AppModule } from '../../src/app.module';
import { CHANNEL_PROVIDERS, type ChannelProvider } from '../../src/channels/channel';
import { InAppProvider } from '../../src/inbox/in-app.provider';
import { loadNotificationConfig, NOTIFICATION_CONFIG } from '../../src/notification-config';

export { ManualClock, UNITS };
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

/**
 * The notification service in this process (its real modules, Kafka consumer, relay, BullMQ workers) on the real
 * infrastructure, with a manual clock and the channel providers a test gives (in-app always). Other services' events are
 * produced straight onto the run's topics; intake is a local HTTP stand-in the test answers for.
 */
export class NotificationWorld extends TestRunWorld {
  readonly clock: ManualClock;
  app?: NestFastifyApplication;

  private constructor(
    start: string,
    private readonly extraEnv: () => Record<string, string>,
    private readonly providers: ChannelProvider[],
  ) {
    super(uniquePrefix('nt'), 'notification');
    this.clock = new ManualClock(start);
  }

  static forSuite(
    start: string,
    extraEnv: () => Record<string, string> = () => ({}),
    providers: ChannelProvider[] = [],
  ): NotificationWorld {
    const world = new NotificationWorld(start, extraEnv, providers);
    beforeAll(() => world.setUp(), 120_000);
    afterAll(() => world.cleanup(), 60_000);
    return world;
  }

  private async setUp(): Promise<void> {
    await this.setUpRun(() => this.start(), DIRECTORY, 'notification-int-seed');
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...this.baseEnv(),
      NOTIFICATION_SWEEP_MS: '200',
      NOTIFICATION_BACKOFF_MS: '50',
      ...this.extraEnv(),
    };
  }

  private async start(): Promise<void> {
    const env = this.env();
    const config = loadPlatformConfig('notification', env);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(this.clock)
      .overrideProvider(NOTIFICATION_CONFIG)
      .useValue(loadNotificationConfig(config, env))
      .overrideProvider(CHANNEL_PROVIDERS)
      .useFactory({ inject: [InAppProvider], factory: (inApp: InAppProvider) => [inApp, ...this.providers] })
      .compile();
    this.app = await this.boot(moduleRef, config, [
      Topics.caseLog,
      Topics.orgDirectory,
      Topics.referenceData,
      Topics.alerts,
      Topics.evaluation,
    ]);
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
    await eventually(
      async () => ((await this.count('case_replica_events', 'event_id = $1', [event.id])) > 0 ? true : undefined),
      30000,
      `${type} applied`,
    );
    return event;
  }

  /** Produces an event on another topic (e.g. an alert), keyed as its producer would. */
  async publish<T extends EventType>(topic: string, type: T, payload: PayloadOf<T>, key: string): Promise<EventOf<T>> {
    const event = newEvent(type, payload, {
      jurisdiction: { place: [DEMO_CITY], unit: [] },
      actor: { kind: 'system', id: 'notification-int' },
    });
    await this.send(topic, [event], () => key);
    return event;
  }

  token(unit: UnitKey, roles: StaffRole[] = ['clerk'], sub = `${unit}-clerk`): Promise<string> {
    return unitToken(this.keys, UNITS[unit], roles, sub);
  }

  async cleanup(): Promise<void> {
    await this.app?.close().catch(() => undefined);
    await this.io.drop();
  }
}

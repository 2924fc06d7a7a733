import { type AnyEvent, type CaseLogEventType, type EventOf, type PayloadOf, Topics } from '@sunshine/contracts';
import { createKafka, createOrderedProducer, newEvent, readTopic, type StaffRole } from '@sunshine/platform';
import {
  DEMO_CITY as CITY,
  DEMO_COUNTY as COUNTY,
  DEMO_DONGTUN as DONGTUN,
  DEMO_UNITS as U,
  eventually,
  http,
  infraEnv,
  type JsonResponse,
  ServiceHarness,
  signedMessage,
  sql,
} from '@sunshine/testing';
import type { Kafka, Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

export { CITY, COUNTY, DONGTUN, U };

const ALL_ROLES: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher', 'admin'];

/**
 * One routing process on the real infrastructure (from dist/), with its directory seeded by its own CLI; other
 * services' events are produced straight onto the case log, as their relays would.
 */
export class RoutingWorld {
  private producer?: Producer;
  readonly kafka: Kafka = createKafka('routing-int', infraEnv().kafkaBrokers);

  private harness?: ServiceHarness;

  get h(): ServiceHarness {
    if (!this.harness) throw new Error('routing has not started: use the world inside a test or hook');
    return this.harness;
  }

  static async start(fixture: 'small' | 'demo' = 'small'): Promise<RoutingWorld> {
    const world = new RoutingWorld();
    await world.boot(fixture);
    return world;
  }

  /** The world of the enclosing describe block: started before its first test, stopped after its last. */
  static forSuite(fixture: 'small' | 'demo' = 'small'): RoutingWorld {
    const world = new RoutingWorld();
    beforeAll(() => world.boot(fixture), 300000);
    afterAll(() => world.stop());
    return world;
  }

  private async boot(fixture: 'small' | 'demo'): Promise<void> {
    this.harness = await ServiceHarness.create();
    await this.harness.startAll(['routing']);
    await this.harness.runCli('apps/routing/src/seed/seed.js', ['--fixture', fixture]);
  }

  /** The events routing's outbox holds for the case (a refused action adds none). */
  async outboxCount(caseId: string): Promise<number> {
    return Number((await this.sql<{ n: string }>(`SELECT count(*) AS n FROM routing.outbox WHERE message_key = $1`, [caseId]))[0]?.n);
  }

  get url(): string {
    return this.h.url('routing');
  }

  /**
   * A token of `unitId`'s staff; a call with the head's role alone is the unit's head, another person than the staff who
   * draft (four eyes on replies), unless `sub` names someone.
   */
  token(
    unitId: string,
    roles: StaffRole[] = ALL_ROLES,
    sub = roles.length === 1 && roles[0] === 'head' ? `${unitId}-head` : `${unitId}-staff`,
  ): Promise<string> {
    return this.h.keys.token({ sub, unit: unitId, division: unitId.slice(0, 12), roles });
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    unitId?: string,
    body?: unknown,
    roles?: StaffRole[],
  ): Promise<JsonResponse<T>> {
    return http<T>(method, `${this.url}${path}`, { body, token: unitId ? await this.token(unitId, roles) : undefined });
  }

  /** A unit action with the version read just before (If-Match). */
  async act<T = Record<string, unknown>>(
    unitId: string,
    caseId: string,
    action: string,
    body?: unknown,
    roles?: StaffRole[],
  ): Promise<JsonResponse<T>> {
    return this.actAt(unitId, caseId, action, await this.version(caseId), body, roles);
  }

  async actAt<T = Record<string, unknown>>(
    unitId: string,
    caseId: string,
    action: string,
    version: number,
    body?: unknown,
    roles?: StaffRole[],
  ): Promise<JsonResponse<T>> {
    const token = await this.token(unitId, roles);
    return http<T>('POST', `${this.url}/cases/${caseId}/${action}`, { token, body, headers: { 'if-match': `"${version}"` } });
  }

  /** The case's current version (read as routing's case replica holds it). */
  async version(caseId: string): Promise<number> {
    const [row] = await this.sql<{ revision: number }>(`SELECT revision FROM routing.case_replica WHERE case_id = $1`, [caseId]);
    return Number(row?.revision);
  }

  /** A petition registered by intake (produced as intake's relay would), at `receivingUnitId`. */
  async register(over: Partial<PayloadOf<'petition.registered'>> = {}): Promise<string> {
    const caseId = uuidv7();
    const now = new Date().toISOString();
    await this.produce(caseId, 'petition.registered', {
      caseNumber: `410726-2026-${caseId.slice(-6)}`,
      channel: 'visit',
      form: { kind: 'individual' },
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      receivingUnitId: U.countyBureau,
      receivedAt: now,
      registeredAt: now,
      petitionerRef: uuidv7(),
      flags: { skipLevel: false, confidential: false, lawsuit: false },
      attachmentCount: 0,
      ...over,
    });
    return caseId;
  }

  async produce<T extends CaseLogEventType>(caseId: string, type: T, payload: PayloadOf<T>, occurredAt = new Date()): Promise<EventOf<T>> {
    const event = newEvent(type, payload, {
      caseId,
      occurredAt,
      jurisdiction: { place: [CITY, COUNTY], unit: [CITY, COUNTY] },
      actor: { kind: 'system', id: 'routing-int' },
    });
    if (!this.producer) {
      this.producer = createOrderedProducer(this.kafka);
      await this.producer.connect();
    }
    await this.producer.send({
      topic: this.h.topic(Topics.caseLog),
      acks: -1,
      messages: [signedMessage(this.h.keys, Topics.caseLog, caseId, event)],
    });
    return event;
  }

  async topic(name: string): Promise<AnyEvent[]> {
    return (await readTopic(this.kafka, this.h.topic(name))).map((m) => JSON.parse(m.value ?? 'null') as AnyEvent);
  }

  async eventsOf(caseId: string): Promise<AnyEvent[]> {
    return (await this.topic(Topics.caseLog)).filter((e) => e.caseId === caseId);
  }

  /** Waits until the case log holds `n` events of `type` for the case, and returns them. */
  async waitFor<T extends CaseLogEventType>(caseId: string, type: T, n = 1): Promise<Array<EventOf<T>>> {
    return eventually(
      async () => {
        const found = (await this.eventsOf(caseId)).filter((e) => e.type === type) as Array<EventOf<T>>;
        return found.length >= n ? found : undefined;
      },
      30000,
      `${n} ${type} for ${caseId}`,
    );
  }

  async sql<T extends object = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return sql<T>(query.replaceAll('routing.', `"${this.h.schema('routing')}".`), params);
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
    await this.harness?.stopAll();
  }
}

import { type AnyEvent, type CaseLogEventType, EventCatalog, type EventOf, type PayloadOf, Topics } from '@sunshine/contracts';
import { createKafka, newEvent, readTopic, type ServiceName, type StaffRole } from '@sunshine/platform';
import {
  DEMO_CITY as CITY,
  DEMO_COUNTY as YANJIN,
  DEMO_DONGTUN as DONGTUN,
  DEMO_FENGQIU as FENGQIU,
  DEMO_UNITS,
  eventually,
  http,
  infraEnv,
  type JsonResponse,
  type ServiceHarness,
  sql,
} from '@sunshine/testing';
import type { Kafka } from 'kafkajs';

import { labourPetition, startWithDirectory } from './fixtures';

export { CITY, DONGTUN, FENGQIU, YANJIN };

/** Units of the demo directory (新乡市 with 延津县 complete) the routing end-to-end tests use; 延津县's by its name too. */
export const D = {
  ...DEMO_UNITS,
  yanjinBureau: DEMO_UNITS.countyBureau,
  yanjinGov: DEMO_UNITS.countyGov,
  yanjinDiscipline: DEMO_UNITS.countyDiscipline,
} as const;

const ALL_ROLES: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher'];

export interface Registered {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly queryCode: string;
}

export interface ActionBody {
  readonly version: number;
  readonly status: string;
  readonly holdingUnitId: string;
  readonly events: Array<{ id: string; type: string }>;
  readonly code?: string;
}

/**
 * The five services on real infrastructure with the demo city seeded (1280 units, which must also have reached
 * intake's directory replica before a petition can be registered), and the calls the routing tests make.
 */
export class RoutingE2e {
  readonly kafka: Kafka = createKafka('routing-e2e', infraEnv().kafkaBrokers);
  private harness?: ServiceHarness;

  get h(): ServiceHarness {
    if (!this.harness) throw new Error('the services have not started: use RoutingE2e inside a test or hook');
    return this.harness;
  }

  static async start(): Promise<RoutingE2e> {
    const e = new RoutingE2e();
    e.harness = await startWithDirectory('demo');
    return e;
  }

  /**
   * The world of the enclosing describe block: started before its first test, stopped after its last, with the shared
   * test clock set back to now first (a test may have moved it).
   */
  static forSuite(): RoutingE2e {
    const e = new RoutingE2e();
    beforeAll(async () => {
      e.harness = await startWithDirectory('demo');
    });
    afterAll(async () => {
      await e.harness?.setClockOffset(0);
      await e.harness?.stopAll();
    });
    return e;
  }

  /** A call with the head's role alone is the unit's head, another person than the staff who draft (four eyes on replies). */
  token(
    unitId: string,
    roles: StaffRole[] = ALL_ROLES,
    sub = roles.length === 1 && roles[0] === 'head' ? `${unitId}:head` : `${unitId}:staff`,
  ): Promise<string> {
    return this.h.keys.token({ sub, unit: unitId, division: unitId.slice(0, 12), roles });
  }

  async call<T = Record<string, unknown>>(
    service: ServiceName,
    method: string,
    path: string,
    unitId?: string,
    body?: unknown,
    roles?: StaffRole[],
  ): Promise<JsonResponse<T>> {
    return http<T>(method, `${this.h.url(service)}${path}`, { body, token: unitId ? await this.token(unitId, roles) : undefined });
  }

  /** intake's staff registration (有访必录入) at `unitId`. */
  async register(unitId: string, overrides: Record<string, unknown> = {}): Promise<Registered> {
    const res = await this.call<Registered>('intake', 'POST', '/petitions', unitId, labourPetition(overrides), ['clerk']);
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** routing's case as `unitId` sees it. */
  view<T = { version: number; status: string; holdingUnitId: string; stage: string }>(
    unitId: string,
    caseId: string,
  ): Promise<JsonResponse<T>> {
    return this.call<T>('routing', 'GET', `/cases/${caseId}`, unitId);
  }

  /** Waits until routing shows the case at `unitId` (held there) in `status`. */
  async waitAt(unitId: string, caseId: string, status: string, timeoutMs = 60000): Promise<{ version: number }> {
    return eventually(
      async () => {
        const res = await this.view(unitId, caseId);
        return res.status === 200 && res.body.holdingUnitId === unitId && res.body.status === status ? res.body : undefined;
      },
      timeoutMs,
      `case ${caseId} ${status} at ${unitId}`,
    );
  }

  /** A unit action with the version `unitId` just read (If-Match). */
  async act(unitId: string, caseId: string, action: string, body?: unknown, roles?: StaffRole[]): Promise<JsonResponse<ActionBody>> {
    const { version } = (await this.view(unitId, caseId)).body;
    return this.actAt(unitId, caseId, action, version, body, roles);
  }

  async actAt(
    unitId: string,
    caseId: string,
    action: string,
    version: number,
    body?: unknown,
    roles?: StaffRole[],
  ): Promise<JsonResponse<ActionBody>> {
    return http<ActionBody>('POST', `${this.h.url('routing')}/cases/${caseId}/${action}`, {
      token: await this.token(unitId, roles),
      body,
      headers: { 'if-match': `"${version}"` },
    });
  }

  async inbox<
    T = {
      items: Array<{ caseId: string; status: string; holding: boolean; dueAt: string | null }>;
      total: number;
      byStatus: Record<string, number>;
    },
  >(unitId: string, query = ''): Promise<JsonResponse<T>> {
    return this.call<T>('routing', 'GET', `/inbox${query ? `?${query}` : ''}`, unitId);
  }

  /** The case ids of `unitId`'s inbox (all pages). */
  async inboxIds(unitId: string, query = ''): Promise<string[]> {
    const res = await this.inbox(unitId, `${query}${query ? '&' : ''}limit=200`);
    if (res.status !== 200) throw new Error(`inbox ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.items.map((i) => i.caseId).sort();
  }

  async caseLog(caseId: string): Promise<AnyEvent[]> {
    const messages = await readTopic(this.kafka, this.h.topic(Topics.caseLog));
    return messages.map((m) => JSON.parse(m.value ?? 'null') as AnyEvent).filter((e) => e.caseId === caseId);
  }

  async waitFor<T extends CaseLogEventType>(caseId: string, type: T, n = 1, timeoutMs = 60000): Promise<Array<EventOf<T>>> {
    return eventually(
      async () => {
        const found = (await this.caseLog(caseId)).filter((e) => e.type === type) as Array<EventOf<T>>;
        return found.length >= n ? found : undefined;
      },
      timeoutMs,
      `${n} ${type} for ${caseId}`,
    );
  }

  /** Routing's emitted events for the case (its outbox: the only way routing publishes). */
  async routingEmitted(caseId: string): Promise<number> {
    const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${this.h.schema('routing')}".outbox WHERE message_key = $1`, [
      caseId,
    ]);
    return Number(row?.n ?? 0);
  }

  /** supervision's city view of the case (read with the city bureau's token). */
  async timeline(caseId: string): Promise<JsonResponse<{ status: string; timeline: Array<{ type: string; status: string }> }>> {
    return this.call('supervision', 'GET', `/cases/${caseId}`, D.cityBureau);
  }

  /**
   * Emits an event as another service would, through that service's own outbox (its relay publishes it): for a
   * fact whose owner cannot be driven from here yet. Prefer the owner's real endpoint where it exists.
   */
  async emitAs<T extends CaseLogEventType>(caseId: string, type: T, payload: PayloadOf<T>): Promise<EventOf<T>> {
    const event = newEvent(type, payload, {
      caseId,
      jurisdiction: { place: [CITY, YANJIN], unit: [CITY, YANJIN] },
      actor: { kind: 'system', id: 'routing-e2e' },
    });
    const producer = EventCatalog[type].producer as ServiceName;
    const headers = { 'event-id': event.id, 'event-type': type, 'event-version': '1', producer, 'correlation-id': event.correlationId };
    await sql(
      `INSERT INTO "${this.h.schema(producer)}".outbox (event_id, topic, message_key, type, value, headers) VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.id, this.h.topic(Topics.caseLog), caseId, type, JSON.stringify(event), JSON.stringify(headers)],
    );
    return event;
  }

  async stop(): Promise<void> {
    await this.h.stopAll();
  }
}

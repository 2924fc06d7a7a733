import { request } from 'node:http';

import { type AnyEvent, type CaseLogEventType, type Envelope, type EventOf, type PayloadOf, Topics } from '@sunshine/contracts';
import { divisionLineage } from '@sunshine/domain';
import { AesGcmFieldCipher, createKafka, loadDemoOrg, newEvent, parseKeyRing, readTopic, type StaffRole } from '@sunshine/platform';
import {
  DEMO_CITY as CITY,
  DEMO_COUNTY as COUNTY,
  DEMO_DONGTUN as DONGTUN,
  DEMO_UNITS as UNITS,
  type DemoUnit as UnitKey,
  eventually,
  http,
  infraEnv,
  type JsonResponse,
  ServiceHarness,
  sql,
  TestRunIO,
} from '@sunshine/testing';
import type { Kafka } from 'kafkajs';

export { CITY, COUNTY, DONGTUN, type UnitKey, UNITS };

/** The part of the demo directory these tests need: the city and county units, 东屯镇 and its villages. */
async function directorySlice() {
  const org = await loadDemoOrg();
  return org.units.filter((u) => u.divisionCode === CITY || u.divisionCode === COUNTY || u.divisionCode.startsWith('410726101'));
}

/**
 * One intake process on the real infrastructure (from dist/), with the organisation directory published straight onto
 * its topic, and helpers to call it, read the case log, produce other services' events and look into its schema.
 */
export class IntakeWorld {
  readonly kafka: Kafka = createKafka('intake-int', infraEnv().kafkaBrokers);
  private readonly io: TestRunIO;

  private constructor(readonly h: ServiceHarness) {
    this.io = new TestRunIO(h.prefix, this.kafka, () => h.keys);
  }

  static async start(env: Record<string, string> = {}): Promise<IntakeWorld> {
    const world = new IntakeWorld(await ServiceHarness.create(env));
    await world.h.startAll(['intake']);
    const units = await directorySlice();
    await world.send(
      Topics.orgDirectory,
      units.map((u) =>
        newEvent('org.unit-snapshot', u, {
          jurisdiction: { place: [], unit: divisionLineage(u.divisionCode).slice(1) },
          actor: { kind: 'system', id: 'intake-int-seed' },
        }),
      ),
      (e) => e.payload.id,
    );
    await eventually(
      async () => ((await world.count('directory_units')) >= units.length ? true : undefined),
      60000,
      'the directory replica',
    );
    return world;
  }

  get url(): string {
    return this.h.url('intake');
  }

  token(unit: UnitKey, roles: StaffRole[] = ['clerk', 'head', 'dispatcher']): Promise<string> {
    const id = UNITS[unit];
    return this.h.keys.token({ sub: `${unit}-staff`, unit: id, division: id.slice(0, 12), roles });
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, unit?: UnitKey): Promise<JsonResponse<T>> {
    return http<T>(method, `${this.url}${path}`, { body, token: unit ? await this.token(unit) : undefined });
  }

  /**
   * A call from another client address (127.0.0.0/8 is all loopback): per-client budgets see a different client. Answers
   * the status, the body and how long the answer took (for lower bounds only).
   */
  async callFrom<T = Record<string, unknown>>(
    address: string,
    method: string,
    path: string,
    options: { body?: unknown; unit?: UnitKey; headers?: Record<string, string> } = {},
  ): Promise<JsonResponse<T> & { ms: number }> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.unit) headers['authorization'] = `Bearer ${await this.token(options.unit)}`;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const { port } = new URL(this.url);
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers, localAddress: address }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, body: body as T, ms: Date.now() - started });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Every event on this run's case log, decoded, in partition order. */
  async caseLog(): Promise<AnyEvent[]> {
    const messages = await readTopic(this.kafka, this.h.topic(Topics.caseLog));
    return messages.map((m) => JSON.parse(m.value ?? 'null') as AnyEvent);
  }

  async eventsOf(caseId: string): Promise<AnyEvent[]> {
    return (await this.caseLog()).filter((e) => e.caseId === caseId);
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

  /** Produces another service's case event (as its relay would), keyed by case id. */
  async produce<T extends CaseLogEventType>(caseId: string, type: T, payload: PayloadOf<T>, occurredAt = new Date()): Promise<EventOf<T>> {
    const event = newEvent(type, payload, {
      caseId,
      occurredAt,
      jurisdiction: { place: [CITY, COUNTY], unit: [CITY, COUNTY] },
      actor: { kind: 'system', id: 'intake-int' },
    });
    await this.send(Topics.caseLog, [event], (e) => e.caseId ?? '');
    return event;
  }

  async sql<T extends object = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return sql<T>(query.replaceAll('intake.', `"${this.h.schema('intake')}".`), params);
  }

  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.sql<{ n: string }>(`SELECT count(*) AS n FROM intake.${table} WHERE ${where}`, params);
    return Number(row?.n ?? 0);
  }

  /** Opens a value intake sealed (the test holds this run's keys, as an operator with the key would). */
  open(sealed: string): string {
    const k = this.h.intakeKeys;
    return new AesGcmFieldCipher(parseKeyRing(k.PII_KEYS, k.PII_CURRENT_KEY)).decrypt(sealed);
  }

  async stop(): Promise<void> {
    await this.io.close();
    await this.h.stopAll();
  }

  private send<E extends Envelope>(topic: string, events: readonly E[], key: (e: E) => string): Promise<void> {
    return this.io.send(topic, events, key);
  }
}

/** A labour claim at 东屯镇 (a visit), with a petitioner; override anything. */
export function petition(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'visit',
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    type: 'claim',
    category: 'labour',
    placeCode: DONGTUN,
    subject: '拖欠农民工工资',
    content: '本人在东屯镇某建筑工地务工，工程结束后老板拖欠工资三个月未付，请求帮助追讨。',
    petitioner: { name: '张三', idNumber: '410726199001011234', phone: '13800138000', address: '延津县东屯镇' },
    form: { kind: 'individual' },
    ...overrides,
  };
}

export interface Registered {
  caseId: string;
  caseNumber: string;
  queryCode: string;
  flags: PayloadOf<'petition.registered'>['flags'];
  checks: {
    skipLevel: { flagged: boolean; reasons: string[] };
    repeat: { caseId: string; score: number } | null;
    art19: { notAccepted: boolean; reasons: string[] } | null;
  };
}

/** A random but valid 18-digit ID number (the check digit is not verified). */
export function idNumber(seed: number): string {
  return `410726${String(19700101 + (seed % 28)).padStart(8, '0')}${String(seed % 10000).padStart(4, '0')}`;
}

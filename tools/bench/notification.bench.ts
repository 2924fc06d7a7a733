import { randomUUID } from 'node:crypto';

import { type OrgUnitSnapshot, prefixed, Topics } from '@sunshine/contracts';
import { divisionLineage } from '@sunshine/domain';
import { createKafka, createOrderedProducer, newEvent } from '@sunshine/platform';
import { DEMO_CITY, DEMO_COUNTY, DEMO_UNITS, eventually, infraEnv, ServiceHarness, signedMessage, sql } from '@sunshine/testing';

import { benchArgs, loadAverage, percentile, writeResult } from './bench-support';

/**
 * Event → in-app notice: the notification service (from dist/, its real consumer, rule table, delivery queue and in-app
 * provider) receives `case.dispatched` events at a steady rate on the case log (each a new case for 人社局); prints the
 * notices per second and the p50/p99 from the event's production to the notice in the unit's inbox. Asserts nothing.
 *
 *   npm run bench notification -- --events 600 --rate 50
 */
const args = benchArgs({ events: 600, rate: 50 });

function unit(id: string, kind: string, level: OrgUnitSnapshot['level'], parentId: string | null): OrgUnitSnapshot {
  const divisionCode = level === 'city' ? DEMO_CITY : DEMO_COUNTY;
  return {
    id,
    name: id,
    kind,
    divisionCode,
    level,
    territoryPath: divisionLineage(divisionCode),
    parentId,
    competences: [],
    nonAdministrative: false,
    revision: 1,
  };
}

async function main(): Promise<void> {
  const load0 = loadAverage();
  const h = await ServiceHarness.create({ NOTIFICATION_QUIET_HOURS: 'off', LOG_LEVEL: 'warn' });
  const kafka = createKafka('notification-bench', infraEnv().kafkaBrokers);
  const producer = createOrderedProducer(kafka);
  try {
    await h.startAll(['notification']);
    await producer.connect();
    const units = [
      unit(DEMO_UNITS.cityBureau, 'petition-bureau', 'city', null),
      unit(DEMO_UNITS.countyBureau, 'petition-bureau', 'county', DEMO_UNITS.cityBureau),
      unit(DEMO_UNITS.countyGov, 'government', 'county', null),
      unit(DEMO_UNITS.hrss, 'dept-hrss', 'county', DEMO_UNITS.countyGov),
    ];
    await producer.send({
      topic: prefixed(h.prefix, Topics.orgDirectory),
      acks: -1,
      messages: units.map((u) =>
        signedMessage(
          h.keys,
          Topics.orgDirectory,
          u.id,
          newEvent('org.unit-snapshot', u, { jurisdiction: { place: [], unit: [] }, actor: { kind: 'system', id: 'bench' } }),
        ),
      ),
    });
    const schema = h.schema('notification');
    await eventually(
      async () => ((await sql(`SELECT 1 FROM "${schema}".directory_units`)).length >= units.length ? true : undefined),
      60000,
      'the directory',
    );

    const sentAt = new Map<string, number>();
    const start = Date.now();
    for (let i = 0; i < args.events; i++) {
      const due = start + (i * 1000) / args.rate;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const caseId = randomUUID();
      const event = newEvent(
        'case.dispatched',
        {
          stage: 'original',
          fromUnitId: DEMO_UNITS.countyBureau,
          toUnitId: DEMO_UNITS.hrss,
          mode: 'forward',
          rule: { id: 'bench', version: 1 },
          reasons: ['bench'],
          hop: 1,
        },
        {
          caseId,
          jurisdiction: { place: [DEMO_CITY, DEMO_COUNTY], unit: [DEMO_CITY, DEMO_COUNTY] },
          actor: { kind: 'system', id: 'bench' },
        },
      );
      sentAt.set(event.id, Date.now());
      await producer.send({
        topic: prefixed(h.prefix, Topics.caseLog),
        acks: -1,
        messages: [signedMessage(h.keys, Topics.caseLog, caseId, event)],
      });
    }
    const offered = (Date.now() - start) / 1000;
    await eventually(
      async () => {
        const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".notices`);
        return Number(row?.n) >= args.events ? true : undefined;
      },
      600000,
      'every notice',
    );
    const rows = await sql<{ event_id: string; created_at: Date }>(
      `SELECT d.event_id, n.created_at FROM "${schema}".notices n JOIN "${schema}".deliveries d ON d.id = n.id`,
    );
    const latencies = rows.map((r) => new Date(r.created_at).getTime() - (sentAt.get(r.event_id) ?? NaN)).filter(Number.isFinite);
    const times = rows.map((r) => new Date(r.created_at).getTime());
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    const result = {
      events: args.events,
      rate: args.rate,
      offeredSeconds: offered,
      notices: rows.length,
      perSec: rows.length / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: Math.max(...latencies),
      load: { start: load0, end: loadAverage() },
    };
    process.stdout.write(
      `notification: ${rows.length} in-app notices from ${args.events} case.dispatched at ${args.rate}/s; ${result.perSec.toFixed(1)} notices/s; ` +
        `event → notice p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms; load ${result.load.start} → ${result.load.end}\n`,
    );
    process.stdout.write(`JSON: ${writeResult('notification', result)}\n`);
  } finally {
    await producer.disconnect().catch(() => undefined);
    await h.stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

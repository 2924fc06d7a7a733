import { type AnyEvent, Topics } from '@sunshine/contracts';
import { createKafka, type ReadMessage, readTopic } from '@sunshine/platform';
import { eventually, type ServiceHarness } from '@sunshine/testing';

import { KafkaCluster, KafkaMirror } from '../tools/chaos/kafka-cluster';
import { claims, labourPetition, startWithDirectory, type UnitKey } from './fixtures';

// A province of two cities (docs/scale.md): each city runs intake and routing on its own 3-node cluster
// (deploy/local/kafka-cluster.sh: own name, ports and data dir; PostgreSQL and Redis are the shared ones under each
// city's own prefix), and one MirrorMaker 2 (deploy/local/kafka-mirror.sh, the connect-mirror connectors of the same
// Kafka version) mirrors both cities' case logs into a 1-node province cluster as `<city>.<case log>`. Petitions
// registered in either city, before and after MirrorMaker 2 starts, all reach the province's view, each city's events
// under its own prefix, each once, each partition in the city's order. The test directory holds 新乡's units only, so
// both cities load it; the second city registers at 新乡市信访局 (case numbers 4107-…) and the first at 延津县信访局 (410726-…), so
// the two cities' case numbers differ as two real cities' do. `npm run test:cluster` (after `npm run build`); not part
// of `npm test`.
const cities = {
  xinxiang: new KafkaCluster({ name: 'xinxiang', nodes: 3, portBase: 28092 }),
  kaifeng: new KafkaCluster({ name: 'kaifeng', nodes: 3, portBase: 31092 }),
} as const;
type City = keyof typeof cities;
const province = new KafkaCluster({ name: 'province', nodes: 1, portBase: 39092 });
const clusters = [...Object.values(cities), province];
/** Where each city registers (its token's unit). */
const registeringUnit: Record<City, UnitKey> = { xinxiang: 'countyBureau', kaifeng: 'cityBureau' };

/** Event ids per partition, in offset order. */
function byPartition(messages: readonly ReadMessage[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of [...messages].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)))) {
    out.set(m.partition, [...(out.get(m.partition) ?? []), m.headers['event-id'] ?? '']);
  }
  return out;
}

/** Event types per case (message key), in the order of its partition. */
function byCase(messages: readonly ReadMessage[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of [...messages].sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))) {
    const type = (JSON.parse(m.value ?? 'null') as AnyEvent | null)?.type ?? '';
    out.set(m.key ?? '', [...(out.get(m.key ?? '') ?? []), type]);
  }
  return out;
}

/** The case numbers of the `petition.registered` events of a log, sorted. */
function caseNumbers(messages: readonly ReadMessage[]): string[] {
  return messages
    .map((m) => JSON.parse(m.value ?? 'null') as AnyEvent | null)
    .flatMap((e) => (e?.type === 'petition.registered' ? [e.payload.caseNumber] : []))
    .sort();
}

describe('MirrorMaker 2: both cities’ case logs arrive in the province, complete, in order per case, once', () => {
  const harness: Partial<Record<City, ServiceHarness>> = {};
  let mirror: KafkaMirror | undefined;
  const sharedBrokers = process.env['KAFKA_BROKERS'];

  beforeAll(async () => {
    await Promise.all(clusters.map((c) => c.purge()));
    await Promise.all(clusters.map((c) => c.up()));
    // One city after the other: the harness creates its dead-letter topics on process.env's brokers; its services
    // get the city's brokers from the harness's env.
    for (const city of Object.keys(cities) as City[]) {
      const brokers = cities[city].brokers.join(',');
      process.env['KAFKA_BROKERS'] = brokers;
      harness[city] = await startWithDirectory('small', { services: ['intake', 'routing'], env: { KAFKA_BROKERS: brokers } });
    }
  }, 900000);

  afterAll(async () => {
    await mirror?.down().catch(() => undefined);
    await Promise.all(Object.values(harness).map((h) => h.stopAll()));
    if (sharedBrokers === undefined) delete process.env['KAFKA_BROKERS'];
    else process.env['KAFKA_BROKERS'] = sharedBrokers;
    await Promise.all(clusters.map((c) => c.purge()));
  }, 300000);

  it('shows every petition registered in either city in the province’s view, each event once, in the city’s order', async () => {
    const h = harness as Record<City, ServiceHarness>;
    const register = async (city: City, n: number): Promise<string[]> => {
      const token = await h[city].keys.token(claims(registeringUnit[city]));
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${h[city].url('intake')}/petitions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(labourPetition({ subject: `拖欠农民工工资（${city}第${i + 1}件）` })),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { caseId: string }).caseId);
      }
      return ids;
    };

    // Registered before the mirror runs (it starts from the topics' beginning), then while it runs.
    const before = { xinxiang: await register('xinxiang', 3), kaifeng: await register('kaifeng', 2) };
    const caseLog = { xinxiang: h.xinxiang.topic(Topics.caseLog), kaifeng: h.kaifeng.topic(Topics.caseLog) };
    mirror = new KafkaMirror({
      name: 'province',
      sources: cities,
      target: { alias: 'province', cluster: province },
      topics: Object.values(caseLog)
        .map((t) => t.replace(/\./g, '\\.'))
        .join('|'),
    });
    await mirror.up();
    const registered = {
      xinxiang: [...before.xinxiang, ...(await register('xinxiang', 3))],
      kaifeng: [...before.kaifeng, ...(await register('kaifeng', 2))],
    };

    const provinceKafka = createKafka('mirror-spec-province', province.brokers);
    const remote = { xinxiang: `xinxiang.${caseLog.xinxiang}`, kaifeng: `kaifeng.${caseLog.kaifeng}` };
    // A city's log grows while routing works: compared until the province holds exactly what each city holds.
    const logs = {} as Record<City, { city: ReadMessage[]; province: ReadMessage[] }>;
    for (const city of Object.keys(cities) as City[]) {
      const cityKafka = createKafka(`mirror-spec-${city}`, cities[city].brokers);
      logs[city] = await eventually(
        async () => {
          const cityLog = await readTopic(cityKafka, caseLog[city]);
          const registeredOnLog = cityLog.filter((m) => m.headers['event-type'] === 'petition.registered').length;
          if (registeredOnLog < registered[city].length) return undefined;
          const provinceLog = await readTopic(provinceKafka, remote[city]);
          return provinceLog.length === cityLog.length ? { city: cityLog, province: provinceLog } : undefined;
        },
        300000,
        `${remote[city]} on the province to hold ${city}'s case log`,
      );
    }

    // The province's view: what it holds of each city, by the case numbers each city gave.
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    expect({ xinxiang: caseNumbers(logs.xinxiang.province), kaifeng: caseNumbers(logs.kaifeng.province) }).toEqual({
      xinxiang: ['000001', '000002', '000003', '000004', '000005', '000006'].map((n) => `410726-${year}-${n}`),
      kaifeng: ['000001', '000002', '000003', '000004'].map((n) => `4107-${year}-${n}`),
    });

    const admin = provinceKafka.admin();
    await admin.connect();
    const topics = await admin.listTopics();
    const metadata = (await admin.fetchTopicMetadata({ topics: Object.values(remote) })).topics;
    await admin.disconnect();
    // Exactly the two cities' case logs, nothing mirrored twice (no `kaifeng.xinxiang.…`), 12 partitions each.
    expect(topics.filter((t) => t.includes(Topics.caseLog)).sort()).toEqual(Object.values(remote).sort());
    expect(metadata.map((t) => t.partitions.length)).toEqual([12, 12]);

    for (const city of Object.keys(cities) as City[]) {
      const { city: cityLog, province: provinceLog } = logs[city];
      // Complete and in order: each partition holds the city's events in the city's order, none twice.
      expect(byPartition(provinceLog)).toEqual(byPartition(cityLog));
      // Per case: the same events in the same order, every registered case there, registered once and first.
      const cases = byCase(provinceLog);
      expect(cases).toEqual(byCase(cityLog));
      expect(new Set(cases.keys())).toEqual(new Set(registered[city]));
      for (const id of registered[city]) {
        expect(cases.get(id)?.[0]).toBe('petition.registered');
        expect(cases.get(id)?.filter((t) => t === 'petition.registered')).toHaveLength(1);
      }
    }
    // No event in the province twice, none of one city under the other's prefix.
    const all = [...logs.xinxiang.province, ...logs.kaifeng.province].map((m) => m.headers['event-id']);
    expect(new Set(all).size).toBe(logs.xinxiang.city.length + logs.kaifeng.city.length);
    expect(all).toHaveLength(logs.xinxiang.city.length + logs.kaifeng.city.length);
    process.stdout.write(
      `province mirror: xinxiang ${registered.xinxiang.length} cases, ${logs.xinxiang.city.length} events → ` +
        `${logs.xinxiang.province.length} on ${remote.xinxiang}; kaifeng ${registered.kaifeng.length} cases, ` +
        `${logs.kaifeng.city.length} events → ${logs.kaifeng.province.length} on ${remote.kaifeng}\n`,
    );
  });
});

import { type AnyEvent, Topics } from '@sunshine/contracts';
import { createKafka, type ReadMessage, readTopic } from '@sunshine/platform';
import { eventually, type ServiceHarness } from '@sunshine/testing';

import { KafkaCluster, KafkaMirror } from '../tools/chaos/kafka-cluster';
import { claims, labourPetition, startWithDirectory } from './fixtures';

// A city and its province (docs/scale.md): intake and routing run on the city's 3-node cluster
// (deploy/local/kafka-cluster.sh), MirrorMaker 2 (deploy/local/kafka-mirror.sh, the connect-mirror connectors of the
// same Kafka version) mirrors the city's case log into a 1-node province cluster as `xinxiang.<case log>`. Petitions
// registered before and after MirrorMaker 2 starts all reach the province, each partition complete and in the city's
// order. `npm run test:cluster` (after `npm run build`); not part of `npm test`.
const city = new KafkaCluster({ name: 'city', nodes: 3, portBase: 29092 });
const province = new KafkaCluster({ name: 'province', nodes: 1, portBase: 39092 });

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

describe('MirrorMaker 2: the city’s case log arrives in the province complete and in order per case', () => {
  let h: ServiceHarness | undefined;
  let mirror: KafkaMirror | undefined;
  const sharedBrokers = process.env['KAFKA_BROKERS'];

  beforeAll(async () => {
    await Promise.all([city.purge(), province.purge()]);
    await Promise.all([city.up(), province.up()]);
    process.env['KAFKA_BROKERS'] = city.brokers.join(',');
    h = await startWithDirectory('small', { services: ['intake', 'routing'] });
  }, 900000);

  afterAll(async () => {
    await mirror?.down().catch(() => undefined);
    await h?.stopAll();
    if (sharedBrokers === undefined) delete process.env['KAFKA_BROKERS'];
    else process.env['KAFKA_BROKERS'] = sharedBrokers;
    await Promise.all([city.purge(), province.purge()]);
  }, 300000);

  it('mirrors every event of every case to the same partition, in the same order, once', async () => {
    const harness = h as ServiceHarness;
    const token = await harness.keys.token(claims('countyBureau'));
    const register = async (n: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${harness.url('intake')}/petitions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(labourPetition({ subject: `拖欠农民工工资（第${ids.length + 1}件）` })),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { caseId: string }).caseId);
      }
      return ids;
    };

    // Registered before the mirror runs (it starts from the topic's beginning), then while it runs.
    const before = await register(8);
    const caseLog = harness.topic(Topics.caseLog);
    mirror = new KafkaMirror({
      name: 'province',
      sources: { xinxiang: city },
      target: { alias: 'province', cluster: province },
      topics: caseLog.replace(/\./g, '\\.'),
    });
    await mirror.up();
    const after = await register(8);
    const registered = [...before, ...after];

    const cityKafka = createKafka('mirror-spec-city', city.brokers);
    const provinceKafka = createKafka('mirror-spec-province', province.brokers);
    const remote = `xinxiang.${caseLog}`;
    // The city's log grows while routing works: compared until the province holds exactly what the city holds.
    const { cityLog, provinceLog } = await eventually(
      async () => {
        const cityLog = await readTopic(cityKafka, caseLog);
        const registeredOnLog = cityLog.filter((m) => m.headers['event-type'] === 'petition.registered').length;
        if (registeredOnLog < registered.length) return undefined;
        const provinceLog = await readTopic(provinceKafka, remote);
        return provinceLog.length === cityLog.length ? { cityLog, provinceLog } : undefined;
      },
      300000,
      `${remote} on the province to hold the city's case log`,
    );

    const admin = provinceKafka.admin();
    await admin.connect();
    const [meta] = (await admin.fetchTopicMetadata({ topics: [remote] })).topics;
    await admin.disconnect();
    expect(meta?.partitions).toHaveLength(12);

    // Complete and in order: each partition holds the city's events in the city's order, none twice.
    expect(byPartition(provinceLog)).toEqual(byPartition(cityLog));
    expect(new Set(provinceLog.map((m) => m.headers['event-id'])).size).toBe(provinceLog.length);
    // Per case: the same events in the same order, every registered case there, registered once and first.
    const cases = byCase(provinceLog);
    expect(cases).toEqual(byCase(cityLog));
    expect(new Set(cases.keys())).toEqual(new Set(registered));
    for (const id of registered) {
      expect(cases.get(id)?.[0]).toBe('petition.registered');
      expect(cases.get(id)?.filter((t) => t === 'petition.registered')).toHaveLength(1);
    }
    process.stdout.write(
      `province mirror: ${registered.length} cases, ${cityLog.length} events on the city's case log = ${provinceLog.length} on ${remote}\n`,
    );
  });
});

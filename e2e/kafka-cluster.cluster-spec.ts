import { Topics } from '@sunshine/contracts';
import { createKafka } from '@sunshine/platform';
import { eventually } from '@sunshine/testing';
import { ConfigResourceTypes } from 'kafkajs';

import { type Offered, Offerer } from '../tools/bench/pipeline/offer';
import { readPetitionTexts, TEDDY_DEFAULT } from '../tools/bench/pipeline/petitions';
import { type BenchStack, startOwnStack } from '../tools/bench/pipeline/stack';
import { type Verdict, verify } from '../tools/chaos/checks';
import { KafkaCluster } from '../tools/chaos/kafka-cluster';

// The five services on a 3-node KRaft cluster of their own (deploy/local/kafka-cluster.sh; PostgreSQL and Redis are
// the shared ones, under the stack's prefix): registrations flow steadily, the node leading the case log's partition 0
// is killed with SIGKILL mid-flow and stays down, and every registration that got a 201 is still dispatched exactly
// once on the case log, in its unit's inbox once and in the city view once (tools/chaos/checks, as `npm run chaos`).
// `npm run test:cluster` (after `npm run build`); not part of `npm test`.
const cluster = new KafkaCluster({ name: 'city', nodes: 3, portBase: 29092 });

describe('a 3-broker Kafka cluster (replication factor 3, min.insync.replicas 2) loses one broker under load', () => {
  let stack: (BenchStack & { stop(): Promise<void> }) | undefined;
  const sharedBrokers = process.env['KAFKA_BROKERS'];

  beforeAll(async () => {
    await cluster.purge();
    await cluster.up();
    // The harness, the services it starts and the checks read KAFKA_BROKERS.
    process.env['KAFKA_BROKERS'] = cluster.brokers.join(',');
    stack = await startOwnStack({ CONSUMER_SESSION_TIMEOUT_MS: '10000' });
  }, 900000);

  afterAll(async () => {
    await stack?.stop().catch(() => undefined);
    if (sharedBrokers === undefined) delete process.env['KAFKA_BROKERS'];
    else process.env['KAFKA_BROKERS'] = sharedBrokers;
    await cluster.purge();
  }, 300000);

  it('creates the case log with 12 partitions of 3 replicas each and min.insync.replicas 2', async () => {
    const s = stack as BenchStack;
    const admin = createKafka('cluster-spec', cluster.brokers).admin();
    await admin.connect();
    try {
      const topic = s.topic(Topics.caseLog);
      const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(meta?.partitions).toHaveLength(12);
      expect(new Set(meta?.partitions.map((p) => [...p.replicas].sort().join(',')))).toEqual(new Set(['1,2,3']));
      const config = await admin.describeConfigs({
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
        includeSynonyms: false,
      });
      expect(config.resources[0]?.configEntries.map((e) => [e.configName, e.configValue])).toEqual([['min.insync.replicas', '2']]);
    } finally {
      await admin.disconnect();
    }
  });

  it('kill -9 of the broker leading case-log partition 0 mid-flow: no accepted case lost or duplicated', async () => {
    const s = stack as BenchStack;
    const texts = await readPetitionTexts(TEDDY_DEFAULT, 500);
    const admin = createKafka('cluster-spec', cluster.brokers).admin();
    await admin.connect();
    let victim = 0;
    let leadersAfter: number[] = [];
    try {
      const [meta] = (await admin.fetchTopicMetadata({ topics: [s.topic(Topics.caseLog)] })).topics;
      victim = meta?.partitions.find((p) => p.partitionId === 0)?.leader ?? 0;
      expect([1, 2, 3]).toContain(victim);

      const offerer = new Offerer(s, texts, { rate: 3, concurrency: 0, durationSec: 45, maxInFlight: 100 });
      const load = offerer.run();
      await new Promise((r) => setTimeout(r, 12000));
      const killedAt = Date.now();
      await cluster.kill(victim);
      await load;

      // The killed node stays down: the two others lead every partition (and, with min ISR 2, take acks=all writes).
      leadersAfter = await eventually(
        async () => {
          const [m] = (await admin.fetchTopicMetadata({ topics: [s.topic(Topics.caseLog)] })).topics;
          const leaders = (m?.partitions ?? []).map((p) => p.leader);
          return leaders.length === 12 && !leaders.includes(victim) && !leaders.includes(-1) ? leaders : undefined;
        },
        60000,
        'new leaders for the killed broker’s partitions',
      );

      const accepted = offerer.offered.flatMap((o: Offered) => (o.caseId ? [o.caseId] : []));
      const acceptedAfterKill = offerer.offered.filter((o) => o.caseId && o.sentAt > killedAt).length;
      // Checked every 5 s (each check reads the whole case log) until whole, for at most 5 min.
      let verdict: Verdict | undefined;
      for (const until = Date.now() + 300000; !verdict?.whole && Date.now() < until;) {
        verdict = await verify(s, accepted).catch(() => undefined);
        if (!verdict?.whole) await new Promise((r) => setTimeout(r, 5000));
      }
      verdict ??= await verify(s, accepted);

      const statuses: Record<string, number> = {};
      for (const o of offerer.offered) statuses[String(o.status)] = (statuses[String(o.status)] ?? 0) + 1;
      process.stdout.write(
        `kafka cluster: node ${victim} killed; ${offerer.offered.length} offered (${JSON.stringify(statuses)}), ${accepted.length} accepted (${acceptedAfterKill} after the kill); ` +
          `lost ${JSON.stringify(verdict.lost)}, duplicated ${JSON.stringify(verdict.duplicated)}\n`,
      );
      expect(accepted.length).toBeGreaterThan(60);
      expect(acceptedAfterKill).toBeGreaterThan(30);
      expect(verdict).toEqual({
        lost: { dispatched: 0, inbox: 0, city: 0 },
        duplicated: { dispatched: 0, inbox: 0, city: 0 },
        whole: true,
      });
      expect(new Set(leadersAfter).size).toBe(2);
    } finally {
      await admin.disconnect();
    }
  });
});

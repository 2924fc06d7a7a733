import { prefixed, TopicSpecs } from '@sunshine/contracts';
import type { Admin, Kafka } from 'kafkajs';

const ATTEMPTS = 10;

/**
 * Creates the platform's topics (and the given dead-letter topics) if missing, and waits until every one has a
 * leader. Existing topics are left as they are: the case log's partition count is fixed at creation and never
 * changed. Safe when several processes start at once (one creates, the others wait for it).
 */
export async function ensureTopics(kafka: Kafka, prefix: string, deadLetterTopics: readonly string[] = []): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [
      ...TopicSpecs.map((s) => ({ topic: prefixed(prefix, s.name), numPartitions: s.partitions, configEntries: toEntries(s.config) })),
      ...deadLetterTopics.map((t) => ({
        topic: prefixed(prefix, t),
        numPartitions: 3,
        configEntries: toEntries({ 'retention.ms': '-1' }),
      })),
    ];
    const created: string[] = [];
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t.topic));
      try {
        if (missing.length > 0) {
          await admin.createTopics({ topics: missing, waitForLeaders: false });
          created.push(...missing.map((t) => t.topic));
        }
        await waitForLeaders(
          admin,
          wanted.map((t) => t.topic),
        );
        return created;
      } catch (error) {
        // Another process created the same topic meanwhile, or metadata is still propagating: look again.
        if (attempt >= ATTEMPTS) throw error;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  const leaderless = metadata.flatMap((t) => t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}/${p.partitionId}`));
  if (leaderless.length > 0) throw new Error(`partitions without a leader yet: ${leaderless.join(', ')}`);
}

function toEntries(config: Readonly<Record<string, string>>): Array<{ name: string; value: string }> {
  return Object.entries(config).map(([name, value]) => ({ name, value }));
}

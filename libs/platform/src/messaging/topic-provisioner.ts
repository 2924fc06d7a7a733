import { prefixed, TopicSpecs } from '@sunshine/contracts';
import type { Kafka } from 'kafkajs';

/**
 * Creates the platform's topics (and the given dead-letter topics) if missing. Existing topics are left as they
 * are: the case log's partition count is fixed at creation and never changed.
 */
export async function ensureTopics(kafka: Kafka, prefix: string, deadLetterTopics: readonly string[] = []): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [
      ...TopicSpecs.map((s) => ({ topic: prefixed(prefix, s.name), numPartitions: s.partitions, configEntries: toEntries(s.config) })),
      ...deadLetterTopics.map((t) => ({ topic: prefixed(prefix, t), numPartitions: 3, configEntries: toEntries({ 'retention.ms': '-1' }) })),
    ].filter((t) => !existing.has(t.topic));
    if (wanted.length > 0) {
      await admin.createTopics({ topics: wanted.map((t) => ({ ...t, replicationFactor: -1 })), waitForLeaders: true });
    }
    return wanted.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

function toEntries(config: Readonly<Record<string, string>>): Array<{ name: string; value: string }> {
  return Object.entries(config).map(([name, value]) => ({ name, value }));
}

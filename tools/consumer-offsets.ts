/**
 * A consumer group's committed offsets on one topic, and resetting them (消费位点): the re-sync step of a PostgreSQL
 * restore (rewind to the backup's time; the inbox skips what the restored database already applied) and of a replica
 * rebuild (rewind to the earliest offset). Stop every instance of the group first: Kafka refuses to move the offsets
 * of a group with live members.
 *   npm run -s consumer-offsets -- describe --group supervision --topic sunshine.case-log
 *   npm run -s consumer-offsets -- reset --group supervision --topic sunshine.case-log --to-datetime 2026-12-02T02:00:00Z
 *   npm run -s consumer-offsets -- reset --group supervision --topic sunshine.case-log --to-earliest
 * KAFKA_BROKERS as the services read it.
 */
import { parseArgs } from 'node:util';

import { createKafka } from '@sunshine/platform';
import type { Admin } from 'kafkajs';

import { runTool } from './generated-docs';

export const USAGE = `usage: consumer-offsets describe|reset --group G --topic T [--to-datetime ISO | --to-earliest]`;

export interface PartitionOffset {
  readonly partition: number;
  readonly offset: string;
}

/** The offsets to commit: per partition, the first offset at or after the instant (the end offset when none is). */
export async function offsetsAt(admin: Admin, topic: string, at: Date | 'earliest'): Promise<PartitionOffset[]> {
  if (at === 'earliest') return (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.low }));
  const found = await admin.fetchTopicOffsetsByTimestamp(topic, at.getTime());
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
  return found.map((p) => ({ partition: p.partition, offset: Number(p.offset) < 0 ? (ends.get(p.partition) ?? p.offset) : p.offset }));
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      group: { type: 'string' },
      topic: { type: 'string' },
      'to-datetime': { type: 'string' },
      'to-earliest': { type: 'boolean' },
    },
  });
  const [command] = positionals;
  const { group, topic } = values;
  if (!group || !topic || (command !== 'describe' && command !== 'reset')) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const kafka = createKafka('sunshine-consumer-offsets', (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','));
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (command === 'reset') {
      const instant = values['to-datetime'];
      if (!values['to-earliest'] && (!instant || Number.isNaN(Date.parse(instant)))) {
        process.stderr.write(`reset needs --to-earliest or --to-datetime <ISO instant>\n${USAGE}\n`);
        process.exit(2);
      }
      const partitions = await offsetsAt(admin, topic, values['to-earliest'] ? 'earliest' : new Date(instant as string));
      await admin.setOffsets({ groupId: group, topic, partitions });
    }
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    for (const p of [...(committed?.partitions ?? [])].sort((a, b) => a.partition - b.partition)) {
      const end = ends.get(p.partition) ?? 0;
      const lag = Number(p.offset) < 0 ? end : end - Number(p.offset);
      process.stdout.write(`${group} ${topic}/${p.partition} committed ${p.offset} end ${end} lag ${lag}\n`);
    }
  } finally {
    await admin.disconnect();
  }
}

if (require.main === module) runTool(main);

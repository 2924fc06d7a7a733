import { randomUUID } from 'node:crypto';

import type { Kafka, KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/** Partition → first offset to read. */
export type StartOffsets = Record<number, string>;

function headersOf(message: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    if (v !== undefined) out[k] = Array.isArray(v) ? String(v[0]) : String(v);
  }
  return out;
}

/**
 * Reads a topic from the given offsets (all partitions from the start when omitted) up to the high watermark
 * as it is when called, with a throw-away consumer group. Used by the relay's recovery and by tests.
 */
export async function readTopic(kafka: Kafka, topic: string, from?: StartOffsets, timeoutMs = 30000): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const targets = new Map<number, bigint>();
  for (const p of ends) {
    const start = BigInt(from ? (from[p.partition] ?? p.high) : p.low);
    if (BigInt(p.high) > start) targets.set(p.partition, BigInt(p.high));
  }
  if (targets.size === 0) return [];
  const consumer = kafka.consumer({ groupId: `sunshine-reader-${randomUUID()}`, allowAutoTopicCreation: false });
  const out: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`readTopic ${topic}: timed out`)), timeoutMs);
      // Not awaited (it resolves once running), but its failure must fail the read, not the process.
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = targets.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            out.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: headersOf(message),
            });
            if (BigInt(message.offset) + 1n >= end) targets.delete(partition);
            if (targets.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      for (const [partition] of targets) {
        const start = from ? from[partition] : undefined;
        if (start !== undefined) consumer.seek({ topic, partition, offset: start });
      }
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
  return out.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

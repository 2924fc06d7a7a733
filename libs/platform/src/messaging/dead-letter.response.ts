import { z } from 'zod';

import type { AssertTrue, ResponseMatches } from '../http/zod-response.decorator';
import type { PartitionLag } from '../metrics/platform-collectors';
import type { ParkedKey, ResolveResult } from './parking-lot';

// The success answers of the ops/messaging endpoints (DeadLetterController): the same in every service's document.

const count = z.number().int();

/** GET /ops/messaging/stats: the consumer group's counters since the process started. */
export const consumerStatsSchema = z.object({
  group: z.string().optional().describe('消费者组 / the consumer group'),
  received: count,
  applied: count,
  duplicates: count,
  skipped: count.describe('未知类型或更新版本：跳过 / unknown types and newer versions'),
  ignored: count,
  failures: count,
  deadLettered: count,
  parked: count,
  tombstones: count,
});

/** GET /ops/messaging/lag: the group's lag per topic and partition (the same read as /metrics' kafka_consumer_lag). */
export const consumerLagSchema = z.object({
  group: z.string(),
  total: count.describe('合计延迟（条）/ the messages still to read, all partitions'),
  partitions: z.array(z.object({ topic: z.string(), partition: count, lag: count })),
});

/** GET /ops/messaging/dead-letters: one dead letter, without its message. */
export const deadLetterRowSchema = z.object({
  id: z.uuid(),
  topic: z.string(),
  key: z.string().nullable(),
  partition: count,
  offset: z.string().describe('位移（十进制字符串）/ the offset, as a decimal string'),
  eventId: z.string().nullable(),
  eventType: z.string().nullable(),
  error: z.string().describe('最后一次处理失败的原因 / why the last attempt failed'),
  attempts: count,
  status: z.enum(['parked', 'replayed', 'discarded']),
  createdAt: z.string().describe('ISO 8601 instant'),
  resolvedAt: z.string().nullable(),
});
export const deadLetterListSchema = z.array(deadLetterRowSchema);

/** GET /ops/messaging/parked: a key whose later messages wait behind a parked dead letter. */
export const parkedKeySchema = z.object({
  topic: z.string(),
  key: z.string(),
  deadLetterId: z.uuid(),
  waiting: count.describe('等待的消息数 / the messages waiting'),
});
export const parkedKeysSchema = z.array(parkedKeySchema);

/** POST …/replay and …/discard: what the action did; ok false when the replayed message is still refused. */
export const resolveResultSchema = z.object({
  ok: z.boolean(),
  applied: count.describe('其后等待的同键消息中已处理的条数 / the waiting messages of the key applied after it'),
  error: z.string().optional(),
});

/** Compile-time guards: the parking lot's and the collectors' types and the documented schemas stay one. */
export type ParkedKeysDocumented = AssertTrue<ResponseMatches<ParkedKey[], typeof parkedKeysSchema>>;
export type ResolveResultDocumented = AssertTrue<ResponseMatches<ResolveResult, typeof resolveResultSchema>>;
export type PartitionLagDocumented = AssertTrue<ResponseMatches<PartitionLag[], typeof consumerLagSchema.shape.partitions>>;

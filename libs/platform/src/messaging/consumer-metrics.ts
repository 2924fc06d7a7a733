/** Counters of one consumer group, exposed on the ops endpoint. */
export class ConsumerMetrics {
  received = 0;
  applied = 0;
  duplicates = 0;
  /** Unknown types and newer versions: skipped, never dead-lettered. */
  skipped = 0;
  ignored = 0;
  failures = 0;
  deadLettered = 0;
  /** Messages not signed by their type's producer (EVENT_SIGNATURE_*, EVENT_PRODUCER_MISMATCH): dead-lettered, never applied. */
  rejected = 0;
  parked = 0;
  tombstones = 0;
}

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
  parked = 0;
  tombstones = 0;
}

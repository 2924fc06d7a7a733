/**
 * Kafka topics of the platform. Names are part of the contract: never rename one once shipped.
 * `partitions` is fixed at creation: the case log's key → partition mapping must never move.
 */
export const Topics = {
  caseLog: 'sunshine.case-log',
  orgDirectory: 'sunshine.org-directory',
  referenceData: 'sunshine.reference-data',
  alerts: 'sunshine.alerts',
  evaluation: 'sunshine.evaluation',
} as const;

export type TopicKey = keyof typeof Topics;
export type TopicName = (typeof Topics)[TopicKey];

export interface TopicSpec {
  readonly name: TopicName;
  readonly partitions: number;
  readonly config: Readonly<Record<string, string>>;
}

/** Every topic the platform needs, with the settings it is created with. */
export const TopicSpecs: readonly TopicSpec[] = [
  // Cases live for years: keep the case log for good (size the disks, or use tiered storage).
  { name: Topics.caseLog, partitions: 12, config: { 'retention.ms': '-1', 'cleanup.policy': 'delete' } },
  // Full unit snapshots keyed by unit id: compaction keeps the last one per unit.
  { name: Topics.orgDirectory, partitions: 3, config: { 'cleanup.policy': 'compact' } },
  // Full reference-data snapshots keyed `<kind>:<id>` (calendar years, deadline policies, the rule set in force, the
  // category table): compaction keeps the last one per key. Small: one partition keeps every kind in one order.
  { name: Topics.referenceData, partitions: 1, config: { 'cleanup.policy': 'compact' } },
  { name: Topics.alerts, partitions: 3, config: { 'retention.ms': String(90 * 24 * 3600 * 1000) } },
  { name: Topics.evaluation, partitions: 3, config: { 'retention.ms': String(400 * 24 * 3600 * 1000) } },
];

/** The dead-letter topic of one consumer group (keyed like the original message). */
export function deadLetterTopic(consumerGroup: string): string {
  return `sunshine.dlq.${consumerGroup}`;
}

/** A per-run prefix keeps test runs apart; production runs with an empty prefix. */
export function prefixed(prefix: string, topic: string): string {
  return prefix ? `${prefix}.${topic}` : topic;
}

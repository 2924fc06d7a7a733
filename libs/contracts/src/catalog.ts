import type { z } from 'zod';
import type { Envelope } from './envelope';
import { caseDispatchedV1 } from './events/case-dispatched.event';
import { orgUnitSnapshotV1 } from './events/org-unit-snapshot.event';
import { petitionRegisteredV1 } from './events/petition-registered.event';
import { Topics, type TopicName } from './topics';

export type ProducerName = 'intake' | 'routing' | 'supervision' | 'notification' | 'evaluation';

export interface EventDefinition {
  /** The current payload schema version; consumers skip newer ones (rolling deploys). */
  readonly version: number;
  readonly topic: TopicName;
  readonly producer: ProducerName;
  readonly payload: z.ZodType;
}

/**
 * Every event type of the platform with its current version, topic, owner and payload schema.
 * Names never change once shipped; a changed payload gets a new version.
 */
export const EventCatalog = {
  'petition.registered': { version: 1, topic: Topics.caseLog, producer: 'intake', payload: petitionRegisteredV1 },
  'case.dispatched': { version: 1, topic: Topics.caseLog, producer: 'routing', payload: caseDispatchedV1 },
  'org.unit-snapshot': { version: 1, topic: Topics.orgDirectory, producer: 'routing', payload: orgUnitSnapshotV1 },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EventCatalog;
export type PayloadOf<T extends EventType> = z.infer<(typeof EventCatalog)[T]['payload']>;
export type EventOf<T extends EventType> = Envelope<T, PayloadOf<T>>;
export type AnyEvent = { [K in EventType]: EventOf<K> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalog, type);
}

import { EventCatalog, type Actor, type EventOf, type EventType, type Jurisdiction, type PayloadOf } from '@sunshine/contracts';
import { v7 as uuidv7 } from 'uuid';

export interface EventMeta {
  readonly caseId?: string;
  readonly jurisdiction: Jurisdiction;
  readonly actor: Actor;
  readonly correlationId?: string;
  /** The event that caused this one (consumers pass the event they handle). */
  readonly causedBy?: { readonly id: string; readonly correlationId: string };
  readonly occurredAt?: Date;
}

/** Builds a contract event with a UUIDv7 id and the catalogue's current version. */
export function newEvent<T extends EventType>(type: T, payload: PayloadOf<T>, meta: EventMeta): EventOf<T> {
  const id = uuidv7();
  return {
    id,
    type,
    version: EventCatalog[type].version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    producer: EventCatalog[type].producer,
    caseId: meta.caseId,
    jurisdiction: meta.jurisdiction,
    actor: meta.actor,
    correlationId: meta.causedBy?.correlationId ?? meta.correlationId ?? id,
    causationId: meta.causedBy?.id ?? null,
    payload,
  } as EventOf<T>;
}

import { type Actor, EventCatalog, type EventOf, type EventType, type Jurisdiction, type PayloadOf } from '@sunshine/contracts';
import { v7 as uuidv7 } from 'uuid';

import { currentCorrelation } from '../correlation/correlation-context';

export interface EventMeta {
  readonly caseId?: string;
  readonly jurisdiction: Jurisdiction;
  readonly actor: Actor;
  /** Defaults to the current context's (the HTTP request's, or the handled event's), else the event's own id. */
  readonly correlationId?: string;
  /** The event that caused this one (consumers pass the event they handle); defaults to the event being handled. */
  readonly causedBy?: { readonly id: string; readonly correlationId: string };
  readonly occurredAt?: Date;
}

/**
 * Builds a contract event with a UUIDv7 id and the catalogue's current version. Correlation: an explicit `causedBy`
 * wins, then an explicit `correlationId`, then the correlation context (see runWithCorrelation), then the new id.
 */
export function newEvent<T extends EventType>(type: T, payload: PayloadOf<T>, meta: EventMeta): EventOf<T> {
  const id = uuidv7();
  const { correlationId, causationId } = correlationOf(meta, id);
  return {
    id,
    type,
    version: EventCatalog[type].version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    producer: EventCatalog[type].producer,
    caseId: meta.caseId,
    jurisdiction: meta.jurisdiction,
    actor: meta.actor,
    correlationId,
    causationId,
    payload,
  } as EventOf<T>;
}

function correlationOf(meta: EventMeta, id: string): { correlationId: string; causationId: string | null } {
  if (meta.causedBy) return { correlationId: meta.causedBy.correlationId, causationId: meta.causedBy.id };
  const context = currentCorrelation();
  // The handled event is the cause only of events in its own chain: an explicit other correlation starts afresh.
  if (context && (meta.correlationId === undefined || meta.correlationId === context.correlationId)) {
    return { correlationId: context.correlationId, causationId: context.causationId ?? null };
  }
  return { correlationId: meta.correlationId ?? id, causationId: null };
}

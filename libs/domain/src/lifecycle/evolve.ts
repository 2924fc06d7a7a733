import { type CaseLogEventType, EventCatalog, isCaseLogEventType, isEventType } from '@sunshine/contracts';

import type { CaseState } from './case-state';
import { appendClockLog } from './clock-log';
import { dispatchEvolvers } from './evolve-dispatch';
import { handlingEvolvers } from './evolve-handling';
import type { EventMeta, EvolverTable } from './evolve-helpers';
import { intakeEvolvers } from './evolve-intake';
import { supervisionEvolvers } from './evolve-supervision';

export type SkipReason =
  'malformed' | 'unknown-type' | 'not-a-case-event' | 'newer-version' | 'invalid-payload' | 'duplicate' | 'evolver-error';

/** An event evolve did not apply, for the consumer to log and count (never to dead-letter). */
export interface SkippedEvent {
  readonly type: string;
  readonly version: number | null;
  readonly reason: SkipReason;
  readonly detail?: string;
}

export interface Evolution {
  readonly state: CaseState;
  readonly skipped?: SkippedEvent;
}

/** The part of an envelope evolve reads. A consumed `AnyEvent` fits, and so does a decided `{ type, payload }`. */
export interface EvolvableEvent {
  readonly type: string;
  readonly version?: number;
  readonly id?: string;
  readonly occurredAt?: string;
  readonly caseId?: string;
  readonly payload?: unknown;
}

const evolvers: EvolverTable<CaseLogEventType> = {
  ...intakeEvolvers,
  ...dispatchEvolvers,
  ...handlingEvolvers,
  ...supervisionEvolvers,
};

type LooseEvolver = (state: CaseState, payload: unknown, meta: EventMeta) => CaseState;

function field(source: object, key: string): unknown {
  return (source as Record<string, unknown>)[key];
}

function optionalString(source: object, key: string): string | null {
  const value = field(source, key);
  return typeof value === 'string' ? value : null;
}

/**
 * Applies one event to a case, tolerantly (DESIGN §4): it never throws, whatever it is given. Unknown types, other
 * topics' events, newer schema versions, payloads that break their schema and a repeat of the last applied event are
 * skipped and reported; the state is then returned unchanged. Status rules are NOT checked here: the log is the truth.
 */
export function evolve(state: CaseState, event: EvolvableEvent): Evolution {
  const raw: unknown = event;
  if (typeof raw !== 'object' || raw === null) return skip(state, 'unknown', null, 'malformed', 'not an object');
  const type = field(raw, 'type');
  const rawVersion = field(raw, 'version');
  const version = typeof rawVersion === 'number' ? rawVersion : null;
  if (typeof type !== 'string') return skip(state, 'unknown', version, 'malformed', 'no type');
  if (rawVersion !== undefined && (version === null || !Number.isInteger(version))) {
    return skip(state, type, null, 'malformed', 'version is not an integer');
  }
  if (!isEventType(type)) return skip(state, type, version, 'unknown-type');
  if (!isCaseLogEventType(type)) return skip(state, type, version, 'not-a-case-event');
  const definition = EventCatalog[type];
  if (version !== null && version > definition.version) return skip(state, type, version, 'newer-version');
  const id = optionalString(raw, 'id');
  if (id !== null && id === state.lastEventId) return skip(state, type, version, 'duplicate', id);
  const parsed = definition.payload.safeParse(field(raw, 'payload'));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first ? `${first.path.join('.') || '(payload)'}: ${first.message}` : undefined;
    return skip(state, type, version, 'invalid-payload', detail);
  }
  const occurredAt = optionalString(raw, 'occurredAt');
  try {
    const evolved = (evolvers[type] as LooseEvolver)(state, parsed.data, { id, occurredAt });
    const next = appendClockLog(evolved, state, { id, type, occurredAt, payload: parsed.data });
    return {
      state: {
        ...next,
        caseId: state.caseId ?? optionalString(raw, 'caseId'),
        lastEventId: id ?? state.lastEventId,
        lastEventAt: occurredAt ?? state.lastEventAt,
        version: state.version + 1,
      },
    };
  } catch (error) {
    // A bug in an evolver must not stall a consumer: report it like any skipped event.
    return skip(state, type, version, 'evolver-error', error instanceof Error ? error.message : String(error));
  }
}

function skip(state: CaseState, type: string, version: number | null, reason: SkipReason, detail?: string): Evolution {
  return { state, skipped: detail === undefined ? { type, version, reason } : { type, version, reason, detail } };
}

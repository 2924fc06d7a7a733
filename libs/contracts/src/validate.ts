import type { z } from 'zod';

import { type AnyEvent, EventCatalog, type EventOf, type EventType, isEventType } from './catalog';
import { envelopeSchema } from './envelope';

/** An event that does not match its contract. Carries zod's issues so the producer's log says which field. */
export class ContractViolationError extends Error {
  readonly code = 'CONTRACT_VIOLATION';
  constructor(
    readonly eventType: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`event ${eventType} violates its contract: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

/** Validates an event before it is written to the outbox. Throws ContractViolationError. */
export function assertValidEvent<T extends EventType>(event: EventOf<T>): EventOf<T> {
  const envelope = envelopeSchema.safeParse(event);
  if (!envelope.success) throw new ContractViolationError(event.type, envelope.error.issues);
  const definition = EventCatalog[event.type];
  if (event.version !== definition.version) {
    throw new ContractViolationError(event.type, [
      { code: 'custom', path: ['version'], message: `expected version ${definition.version}`, input: event.version },
    ]);
  }
  const payload = definition.payload.safeParse(event.payload);
  if (!payload.success) {
    throw new ContractViolationError(
      event.type,
      payload.error.issues.map((i) => ({ ...i, path: ['payload', ...i.path] })),
    );
  }
  return event;
}

export type DecodeResult =
  | { kind: 'event'; event: AnyEvent }
  | { kind: 'unknown-type'; type: string; version: number }
  | { kind: 'newer-version'; type: string; version: number };

/**
 * Decodes a consumed message. Unknown types and newer versions are reported (to be skipped and counted, never
 * dead-lettered); an envelope or payload that breaks its contract throws ContractViolationError.
 */
export function decodeEvent(raw: unknown): DecodeResult {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : 'unknown';
    throw new ContractViolationError(type, envelope.error.issues);
  }
  const { type, version } = envelope.data;
  if (!isEventType(type)) return { kind: 'unknown-type', type, version };
  const definition = EventCatalog[type];
  if (version > definition.version) return { kind: 'newer-version', type, version };
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    throw new ContractViolationError(
      type,
      payload.error.issues.map((i) => ({ ...i, path: ['payload', ...i.path] })),
    );
  }
  return { kind: 'event', event: { ...envelope.data, type, payload: payload.data } as AnyEvent };
}

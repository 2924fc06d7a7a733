import { Injectable } from '@nestjs/common';
import type { Actor, EventOf, EventType } from '@sunshine/contracts';
import { decide, type CaseCommand, type CaseState, type DecisionError } from '@sunshine/domain';
import { Clock, newEvent, OutboxWriter } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { jurisdictionOf } from './jurisdiction';

export interface EmitMeta {
  readonly actor: Actor;
  /** The unit the event concerns (its division goes into the envelope's jurisdiction). */
  readonly unitId: string | null;
  readonly causedBy?: { readonly id: string; readonly correlationId: string };
}

export type EmitResult =
  | { readonly ok: true; readonly events: ReadonlyArray<EventOf<EventType>> }
  | { readonly ok: false; readonly error: DecisionError };

/**
 * Supervision's side of the strict lifecycle: decides a supervision command against the case as the city view holds
 * it, and writes what it emits to the outbox in the caller's transaction (the city view folds it when it comes back
 * on the case log, like any event). Nothing is emitted when decide refuses.
 */
@Injectable()
export class CaseEmitter {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async emit(m: EntityManager, state: CaseState, command: CaseCommand, meta: EmitMeta): Promise<EmitResult> {
    if (!state.caseId) throw new Error('a case event needs the case id');
    const decision = decide(state, command);
    if (!decision.ok) return { ok: false, error: decision.error };
    const events: Array<EventOf<EventType>> = [];
    for (const decided of decision.events) {
      const event = newEvent(decided.type, decided.payload, {
        caseId: state.caseId,
        jurisdiction: jurisdictionOf(state.placeCode, meta.unitId),
        actor: meta.actor,
        causedBy: meta.causedBy,
        occurredAt: this.clock.now(),
      }) as EventOf<EventType>;
      await this.outbox.append(m, event);
      events.push(event);
    }
    return { ok: true, events };
  }
}

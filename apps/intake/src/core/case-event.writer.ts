import { Injectable } from '@nestjs/common';
import type { AnyCaseEvent, CaseLogEventType, PayloadOf } from '@sunshine/contracts';
import { decide, type CaseCommand, type CaseState, type DecidedEvent } from '@sunshine/domain';
import { newEvent, OutboxRelay, OutboxWriter, type EventMeta } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { CaseProjectionStore } from './case-projection.store';
import { refusal } from './intake-errors';

export interface Emitted {
  readonly events: readonly AnyCaseEvent[];
  readonly state: CaseState;
}

/**
 * Intake's one way to emit a case event: the domain's decide (strict) on the projected state, the envelope, the
 * outbox row and the projection, all in the caller's transaction. A refusal throws and nothing is written.
 */
@Injectable()
export class CaseEventWriter {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly projections: CaseProjectionStore,
  ) {}

  async emit(m: EntityManager, state: CaseState, command: CaseCommand, meta: EventMeta & { caseId: string }): Promise<Emitted> {
    const decision = decide(state, command);
    if (!decision.ok) throw refusal(decision.error);
    const events = decision.events.map((d) => toEvent(d, meta));
    for (const event of events) await this.outbox.append(m, event);
    return { events, state: await this.projections.apply(m, meta.caseId, events, state) };
  }

  /** Wakes the relay once the caller's transaction committed. */
  poke(): void {
    this.relay.poke();
  }
}

function toEvent(decided: DecidedEvent, meta: EventMeta): AnyCaseEvent {
  return newEvent(decided.type as CaseLogEventType, decided.payload as PayloadOf<CaseLogEventType>, meta) as AnyCaseEvent;
}

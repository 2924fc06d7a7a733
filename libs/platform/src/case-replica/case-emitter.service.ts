import { Injectable } from '@nestjs/common';
import type { Actor, AnyCaseEvent, CaseLogEventType, PayloadOf } from '@sunshine/contracts';
import { type CaseCommand, decide, type DecisionError, evolve, initialCaseState, jurisdictionOf } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

import { Clock } from '../clock/clock';
import { OrgDirectorySource } from '../directory/org-directory.source';
import { decisionException } from '../errors/decision-exception';
import { newEvent } from '../messaging/event-factory';
import { OutboxRelay } from '../messaging/outbox.relay';
import { OutboxWriter } from '../messaging/outbox.writer';
import { CaseReplicaStore, type FoldOptions } from './case-replica.store';
import type { ReplicaCase } from './replica-case';

/** `directory` (read once by the caller, e.g. a registration) and `readBack` (false: the caller does not use the returned case) as the replica's fold takes them. */
export interface EmitMeta extends FoldOptions {
  readonly actor: Actor;
  /** The event that caused this command (a reaction passes the event it reacts to). */
  readonly causedBy?: { readonly id: string; readonly correlationId: string };
  readonly correlationId?: string;
}

export type Emission =
  | { readonly ok: true; readonly events: readonly AnyCaseEvent[]; readonly case: ReplicaCase }
  | { readonly ok: false; readonly error: DecisionError };

/**
 * The one way a service changes a case: decide (strict) on the replica's state → events in envelopes whose jurisdiction
 * comes from the case and the directory → outbox → folded into the replica (with the service's reactions), all in the
 * caller's transaction. A refusal emits nothing.
 */
@Injectable()
export class CaseEmitter {
  constructor(
    private readonly store: CaseReplicaStore,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly directory: OrgDirectorySource,
    private readonly clock: Clock,
  ) {}

  /** Decides and emits; a refusal is returned, not thrown. `current` is the locked case (null: a new case). */
  async attempt(m: EntityManager, caseId: string, current: ReplicaCase | null, command: CaseCommand, meta: EmitMeta): Promise<Emission> {
    const decision = decide(current?.state ?? initialCaseState(caseId), command);
    if (!decision.ok) return { ok: false, error: decision.error };
    const { directory: known, readBack, ...eventMeta } = meta;
    const directory = known ?? (await this.directory.current(m));
    const occurredAt = this.clock.now();
    let state = current?.state ?? initialCaseState(caseId);
    const events: AnyCaseEvent[] = [];
    for (const decided of decision.events) {
      const type = decided.type as CaseLogEventType;
      const payload = decided.payload as PayloadOf<CaseLogEventType>;
      const draft = newEvent(type, payload, { caseId, jurisdiction: { place: [], unit: [] }, ...eventMeta, occurredAt }) as AnyCaseEvent;
      state = evolve(state, draft).state;
      const event = { ...draft, jurisdiction: jurisdictionOf(state, directory, payload) } as AnyCaseEvent;
      // A registration's case id was made by this transaction: no other one can write its key, so no key lock.
      await this.outbox.append(m, event, undefined, { keyIsNew: command.name === 'register' });
      events.push(event);
    }
    return { ok: true, events, case: await this.store.apply(m, caseId, events, current, { directory, readBack }) };
  }

  /** As attempt, but a refusal throws the one HTTP mapping of decide's codes (400/403/409/422). */
  async emit(m: EntityManager, caseId: string, current: ReplicaCase | null, command: CaseCommand, meta: EmitMeta) {
    const result = await this.attempt(m, caseId, current, command, meta);
    if (!result.ok) throw decisionException(result.error);
    return result;
  }

  /** Wakes the relay; call after the transaction committed. */
  poke(): void {
    this.relay.poke();
  }
}

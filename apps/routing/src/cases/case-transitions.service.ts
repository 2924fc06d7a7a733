import { Injectable } from '@nestjs/common';
import type { Actor, AnyCaseEvent } from '@sunshine/contracts';
import { decide, divisionLineage, type CaseCommand, type CaseState, type DecidedEvent, type DecisionError, type OrgDirectory } from '@sunshine/domain';
import { Clock, newEvent, OutboxWriter } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { DirectoryCache } from '../directory/directory.cache';
import { DocumentIssuer } from '../documents/document.issuer';
import { CaseStore, type StoredCase } from './case.store';
import { decisionException } from './decision-exception';
import { DispatchLog } from './dispatch-log';

/** Who acts, and the event that caused it (a consumer passes the event it handles). */
export interface Acting {
  readonly actor: Actor;
  readonly causedBy?: { readonly id: string; readonly correlationId: string };
}

export type Transition =
  | { readonly ok: true; readonly stored: StoredCase; readonly events: AnyCaseEvent[] }
  | { readonly ok: false; readonly error: DecisionError };

/**
 * The one way routing changes a case: decide (strict) → events in envelopes → outbox → the stored fold, all in the
 * caller's transaction, so the state and its events commit together or not at all. Refused commands emit nothing.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly cases: CaseStore,
    private readonly outbox: OutboxWriter,
    private readonly directory: DirectoryCache,
    private readonly documents: DocumentIssuer,
    private readonly dispatchLog: DispatchLog,
    private readonly clock: Clock,
  ) {}

  async attempt(m: EntityManager, current: StoredCase, command: CaseCommand, acting: Acting): Promise<Transition> {
    const decision = decide(current.state, command);
    if (!decision.ok) return { ok: false, error: decision.error };
    const caseId = current.state.caseId;
    if (!caseId) throw new Error('a case without an id cannot change');
    const directory = await this.directory.current(m);
    const occurredAt = this.clock.now();
    const events = decision.events.map(
      (d) =>
        newEvent(d.type, d.payload, {
          caseId,
          jurisdiction: { place: cityDown(current.state.placeCode), unit: cityDown(unitConcerned(current.state, d, directory)) },
          actor: acting.actor,
          causedBy: acting.causedBy,
          occurredAt,
        }) as AnyCaseEvent,
    );
    for (const event of events) await this.outbox.append(m, event);
    const stored = await this.cases.apply(m, caseId, events, current);
    await this.dispatchLog.onEvents(m, events);
    await this.documents.onEvents(m, stored.state, events);
    return { ok: true, stored, events };
  }

  /** As attempt, but a refusal is thrown as the domain's coded error (409/422). */
  async run(m: EntityManager, current: StoredCase, command: CaseCommand, acting: Acting): Promise<{ stored: StoredCase; events: AnyCaseEvent[] }> {
    const result = await this.attempt(m, current, command, acting);
    if (!result.ok) throw decisionException(result.error);
    return result;
  }
}

/** The division of the unit an event concerns: where it was sent, else the acting unit, else the holder. */
function unitConcerned(state: CaseState, event: DecidedEvent, directory: OrgDirectory): string | null {
  const p = event.payload as { toUnitId?: string; unitId?: string };
  const unitId = p.toUnitId ?? p.unitId ?? state.holdingUnitId;
  return (unitId ? directory.get(unitId)?.divisionCode : undefined) ?? null;
}

/** Division codes from the city down (the envelope's jurisdiction). */
export function cityDown(code: string | null): string[] {
  if (!code) return [];
  const lineage = divisionLineage(code);
  return lineage.length > 1 ? lineage.slice(1) : lineage;
}

import { Injectable } from '@nestjs/common';
import { EventCatalog, isEventType } from '@sunshine/contracts';
import { evolve, initialCaseState, reviveCaseState, type CaseState, type EvolvableEvent } from '@sunshine/domain';
import { Clock, DeadlineContextSource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { DirectoryCache } from '../directory/directory.cache';
import { caseColumns, caseDueAt, revisionAfter } from './case-row';

/** A case as routing stores it: the shared fold, and the revision clients act on. */
export interface StoredCase {
  readonly state: CaseState;
  readonly revision: number;
}

/**
 * Routing's copy of each case's lifecycle state (the shared fold), locked FOR UPDATE while a transition is
 * decided so two clerks acting on one case are serialised; beside it the columns the inbox, the desk and
 * visibility query (derived from the state, never set by hand).
 */
@Injectable()
export class CaseStore {
  constructor(
    private readonly directory: DirectoryCache,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
  ) {}

  /** The case, locked for this transaction, or null when routing never saw its registration. */
  async lock(m: EntityManager, caseId: string): Promise<StoredCase | null> {
    const rows = await m.query<Array<{ state: unknown; revision: number }>>(
      `SELECT state, revision FROM cases WHERE case_id = $1 FOR UPDATE`,
      [caseId],
    );
    return rows[0] ? { state: reviveCaseState(rows[0].state, caseId), revision: Number(rows[0].revision) } : null;
  }

  /** The case without a lock (reads). */
  async read(m: EntityManager, caseId: string): Promise<StoredCase | null> {
    const rows = await m.query<Array<{ state: unknown; revision: number }>>(`SELECT state, revision FROM cases WHERE case_id = $1`, [caseId]);
    return rows[0] ? { state: reviveCaseState(rows[0].state, caseId), revision: Number(rows[0].revision) } : null;
  }

  async load(m: EntityManager, caseId: string): Promise<CaseState | null> {
    return (await this.lock(m, caseId))?.state ?? null;
  }

  /** Applies events to the stored case (or the empty case) and saves state, revision and derived columns. */
  async apply(m: EntityManager, caseId: string, events: readonly EvolvableEvent[], from?: StoredCase | null): Promise<StoredCase> {
    const before = from ?? (await this.lock(m, caseId)) ?? { state: initialCaseState(caseId), revision: 0 };
    let state = before.state;
    for (const event of events) state = evolve(state, event).state;
    const revision = revisionAfter(before.revision, events);
    const c = caseColumns(state, await this.directory.current(m));
    const dueAt = caseDueAt(state, { ...this.deadlines.current(), asOf: this.clock.now() });
    await m.query(
      `INSERT INTO cases (case_id, case_number, status, stage, type, category, place_code, holding_unit_id, held_by, accused_unit_id,
         state, version, revision, territory_codes, involved_units, assisting_unit_ids, registered_at, due_at, desk_unit_id, desk_reason,
         objected_twice, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, now())
       ON CONFLICT (case_id) DO UPDATE SET case_number = $2, status = $3, stage = $4, type = $5, category = $6, place_code = $7,
         holding_unit_id = $8, held_by = $9, accused_unit_id = $10, state = $11, version = $12, revision = $13, territory_codes = $14,
         involved_units = $15, assisting_unit_ids = $16, registered_at = $17, due_at = $18, desk_unit_id = $19, desk_reason = $20,
         objected_twice = $21, updated_at = now()`,
      [caseId, state.caseNumber, state.status, state.stage, state.type, state.category, state.placeCode, state.holdingUnitId,
        [...state.heldBy], state.accusedUnitId, JSON.stringify(state), state.version, revision, c.territoryCodes, c.involvedUnits,
        c.assistingUnitIds, state.registeredAt, dueAt, c.desk?.unitId ?? null, c.desk?.reason ?? null, c.objectedTwice],
    );
    await this.journal(m, caseId, events);
    return { state, revision };
  }

  /** The events of a case in the order applied (latest of `types` first when filtered). */
  async events(m: EntityManager, caseId: string, types?: readonly string[]): Promise<CaseEventRecord[]> {
    const rows = await m.query<Array<{ event_id: string; type: string; producer: string; payload: unknown; occurred_at: Date }>>(
      `SELECT event_id, type, producer, payload, occurred_at FROM case_events WHERE case_id = $1 AND ($2::text[] IS NULL OR type = ANY($2))
       ORDER BY occurred_at DESC, event_id DESC`,
      [caseId, types ? [...types] : null],
    );
    return rows.map((r) => ({ id: r.event_id, type: r.type, producer: r.producer, payload: r.payload, occurredAt: new Date(r.occurred_at).toISOString() }));
  }

  private async journal(m: EntityManager, caseId: string, events: readonly EvolvableEvent[]): Promise<void> {
    for (const e of events) {
      if (!e.id || !isEventType(e.type)) continue;
      await m.query(
        `INSERT INTO case_events (event_id, case_id, type, producer, payload, occurred_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [e.id, caseId, e.type, EventCatalog[e.type].producer, JSON.stringify(e.payload ?? {}), e.occurredAt ?? new Date().toISOString()],
      );
    }
  }
}

export interface CaseEventRecord {
  readonly id: string;
  readonly type: string;
  readonly producer: string;
  readonly payload: unknown;
  readonly occurredAt: string;
}

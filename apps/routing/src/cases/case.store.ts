import { Injectable } from '@nestjs/common';
import { evolve, initialCaseState, reviveCaseState, type CaseState, type EvolvableEvent } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

/**
 * Routing's copy of each case's lifecycle state (the shared fold), locked FOR UPDATE while a transition is
 * decided so two clerks acting on one case are serialised.
 */
@Injectable()
export class CaseStore {
  async load(m: EntityManager, caseId: string): Promise<CaseState | null> {
    const rows = await m.query<Array<{ state: unknown }>>(`SELECT state FROM cases WHERE case_id = $1 FOR UPDATE`, [caseId]);
    return rows[0] ? reviveCaseState(rows[0].state, caseId) : null;
  }

  /** Applies events to the stored state (or the empty case) and saves it. */
  async apply(m: EntityManager, caseId: string, events: readonly EvolvableEvent[], from?: CaseState | null): Promise<CaseState> {
    let state = from ?? (await this.load(m, caseId)) ?? initialCaseState(caseId);
    for (const event of events) state = evolve(state, event).state;
    await m.query(
      `INSERT INTO cases (case_id, case_number, status, stage, type, category, place_code, holding_unit_id, held_by, accused_unit_id, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (case_id) DO UPDATE SET case_number = $2, status = $3, stage = $4, type = $5, category = $6, place_code = $7,
         holding_unit_id = $8, held_by = $9, accused_unit_id = $10, state = $11, version = $12, updated_at = now()`,
      [caseId, state.caseNumber, state.status, state.stage, state.type, state.category, state.placeCode, state.holdingUnitId,
        [...state.heldBy], state.accusedUnitId, JSON.stringify(state), state.version],
    );
    return state;
  }
}

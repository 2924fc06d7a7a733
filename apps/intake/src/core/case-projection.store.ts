import { Injectable } from '@nestjs/common';
import { evolve, initialCaseState, reviveCaseState, type CaseState, type EvolvableEvent } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

/**
 * Intake's citizen-facing projection of each case: the shared fold of the case log (DESIGN §4), so progress queries,
 * rating and review windows and visibility need no other service. Locked FOR UPDATE while intake decides a command.
 */
@Injectable()
export class CaseProjectionStore {
  async load(m: EntityManager, caseId: string, lock = false): Promise<CaseState | null> {
    const rows = await m.query<Array<{ state: unknown }>>(
      `SELECT state FROM case_projections WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [caseId],
    );
    return rows[0] ? reviveCaseState(rows[0].state, caseId) : null;
  }

  /** Applies events to the stored state (or the empty case) and saves it. */
  async apply(m: EntityManager, caseId: string, events: readonly EvolvableEvent[], from?: CaseState | null): Promise<CaseState> {
    let state = from ?? (await this.load(m, caseId)) ?? initialCaseState(caseId);
    for (const event of events) state = evolve(state, event).state;
    await m.query(
      `INSERT INTO case_projections (case_id, case_number, status, stage, holding_unit_id, held_by, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (case_id) DO UPDATE SET case_number = $2, status = $3, stage = $4, holding_unit_id = $5, held_by = $6,
         state = $7, version = $8, updated_at = now()`,
      [caseId, state.caseNumber, state.status, state.stage, state.holdingUnitId, [...state.heldBy], JSON.stringify(state), state.version],
    );
    return state;
  }
}

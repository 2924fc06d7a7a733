import { Injectable, Logger } from '@nestjs/common';
import type { AnyEvent } from '@sunshine/contracts';
import { evolve, initialCaseState, reviveCaseState, type CaseState } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

export interface Projected {
  readonly before: CaseState;
  readonly after: CaseState;
  /** The case's territory (division codes of every place and unit it concerned), for visibility. */
  readonly territory: readonly string[];
}

/** Folds every case-log event into the city view with the shared, tolerant evolve, and appends the timeline. */
@Injectable()
export class CaseProjectionService {
  private readonly logger = new Logger(CaseProjectionService.name);
  skipped = 0;

  /** Applies the event to the case's row (locked FOR UPDATE for the rest of the transaction); null when skipped. */
  async apply(m: EntityManager, event: AnyEvent): Promise<Projected | null> {
    const caseId = event.caseId;
    if (!caseId) return null;
    const rows = await m.query<Array<{ state: unknown; territory_codes: string[] }>>(
      `SELECT state, territory_codes FROM case_views WHERE case_id = $1 FOR UPDATE`,
      [caseId],
    );
    const before = rows[0] ? reviveCaseState(rows[0].state, caseId) : initialCaseState(caseId);
    const result = evolve(before, event);
    if (result.skipped) {
      this.skipped++;
      this.logger.warn(`skipped ${event.type} on ${caseId}: ${result.skipped.reason}`);
      return null;
    }
    const state = result.state;
    const territory = [...new Set([...(rows[0]?.territory_codes ?? []), ...event.jurisdiction.place, ...event.jurisdiction.unit])];
    await m.query(
      `INSERT INTO case_views (case_id, case_number, status, stage, type, category, place_code, holding_unit_id, held_by,
         accused_unit_id, territory_codes, state, version, updated_at, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (case_id) DO UPDATE SET case_number = $2, status = $3, stage = $4, type = $5, category = $6, place_code = $7,
         holding_unit_id = $8, held_by = $9, accused_unit_id = $10, territory_codes = $11, state = $12, version = $13,
         updated_at = $14, registered_at = $15`,
      [caseId, state.caseNumber, state.status, state.stage, state.type, state.category, state.placeCode, state.holdingUnitId,
        [...state.heldBy], state.accusedUnitId, territory, JSON.stringify(state), state.version, event.occurredAt,
        state.registeredAt],
    );
    await m.query(
      `INSERT INTO case_timeline (case_id, event_id, type, producer, status_after, stage, holding_unit_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
      [caseId, event.id, event.type, event.producer, state.status, state.stage, state.holdingUnitId, event.occurredAt],
    );
    return { before, after: state, territory };
  }
}

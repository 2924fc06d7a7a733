import { Injectable } from '@nestjs/common';
import { reviveCaseState, type CaseState } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

/** The city view's copy of a case, read for a decision (locked FOR UPDATE: the consumer locks the same row first). */
@Injectable()
export class CaseViewStore {
  async lock(m: EntityManager, caseId: string): Promise<CaseState | null> {
    const rows = await m.query<Array<{ state: unknown }>>(`SELECT state FROM case_views WHERE case_id = $1 FOR UPDATE`, [caseId]);
    return rows[0] ? reviveCaseState(rows[0].state, caseId) : null;
  }
}

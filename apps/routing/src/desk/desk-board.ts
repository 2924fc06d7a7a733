import { Injectable } from '@nestjs/common';
import type { CaseState } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

import { deskOf } from '../cases/case-row';
import { DirectoryCache } from '../directory/directory.cache';

/**
 * Which bureau's dispatch desk each case waits at, and why (deskOf over the replica's state), kept in `routing_desk`
 * so the desk lists, sorts and pages in SQL. Derived only: the case itself lives in the replica.
 */
@Injectable()
export class DeskBoard {
  constructor(private readonly directory: DirectoryCache) {}

  /** Puts the case on the desk its state names, or takes it off. */
  async sync(m: EntityManager, caseId: string, state: CaseState): Promise<void> {
    const desk = deskOf(state, await this.directory.current(m));
    if (!desk) {
      await m.query(`DELETE FROM routing_desk WHERE case_id = $1`, [caseId]);
      return;
    }
    await m.query(
      `INSERT INTO routing_desk (case_id, unit_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET unit_id = $2, reason = $3, updated_at = now()
       WHERE routing_desk.unit_id IS DISTINCT FROM $2 OR routing_desk.reason IS DISTINCT FROM $3`,
      [caseId, desk.unitId, desk.reason],
    );
  }
}

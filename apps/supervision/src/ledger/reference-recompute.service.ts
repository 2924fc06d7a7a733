import { Injectable, Logger } from '@nestjs/common';
import { type ReferenceChange, ReferenceChangeSubscriber, ReferenceDataService } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { ClockLedgerRepository } from './clock-ledger.repository';
import { ClockLedgerService } from './clock-ledger.service';
import type { ClockRow } from './clock-row';
import { DueWakeScheduler } from './due-wake.scheduler';

/**
 * Recomputes the ledger when reference data arrives on the topic (whoever loaded it, through whichever instance):
 * a newly published holiday year → the open clocks computed provisionally on it; a jurisdiction's deadline policy →
 * every running clock. Runs in the consumer's transaction: the new dues commit with the snapshot.
 */
@Injectable()
export class ReferenceRecomputeService extends ReferenceChangeSubscriber {
  private readonly logger = new Logger(ReferenceRecomputeService.name);

  constructor(
    reference: ReferenceDataService,
    private readonly repo: ClockLedgerRepository,
    private readonly ledger: ClockLedgerService,
    private readonly wake: DueWakeScheduler,
  ) {
    super(reference);
  }

  protected async onReferenceChange(change: ReferenceChange, m: EntityManager): Promise<void> {
    let rows: ClockRow[] = [];
    if (change.kind === 'calendar-year') rows = await this.repo.provisionalIn(m, Number(change.id));
    // A policy may also have left a territory: every open clock is counted again (policies change rarely).
    if (change.kind === 'deadline-policy') rows = await this.running(m);
    for (const row of rows) {
      const updated = await this.ledger.recompute(m, row);
      this.wake.soon(updated.caseId, updated.id, updated.nextCheckAt);
    }
    if (rows.length > 0) this.logger.log(`${change.kind}:${change.id} r${change.revision}: ${rows.length} clocks recomputed`);
  }

  /** Every running or paused clock (an overdue one stays overdue), locked case by case. */
  private async running(m: EntityManager): Promise<ClockRow[]> {
    const cases = await m.query<Array<{ case_id: string }>>(
      `SELECT DISTINCT case_id FROM deadline_clocks WHERE status IN ('running', 'paused') ORDER BY case_id`,
    );
    const rows: ClockRow[] = [];
    for (const c of cases)
      rows.push(...(await this.repo.open(m, c.case_id)).filter((r) => r.status === 'running' || r.status === 'paused'));
    return rows;
  }
}

import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { shanghaiStartOfDay, TERMINAL_STATUSES } from '@sunshine/domain';
import { ReferenceDataService, type ReferenceChange } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { CaseStore } from '../cases/case.store';

/**
 * Recomputes the `due_at` column of open cases (the inbox's and the desk's sort and filter) when a holiday year or a
 * deadline policy arrives on the reference-data topic, in the consumer's transaction: a case re-saved with no new
 * event gets its derived columns from the current reference data, its revision unchanged.
 */
@Injectable()
export class ReferenceDuesListener implements OnModuleInit, OnModuleDestroy {
  private off?: () => void;

  constructor(
    private readonly reference: ReferenceDataService,
    private readonly cases: CaseStore,
  ) {}

  onModuleInit(): void {
    this.off = this.reference.onChange((change, m) => this.recompute(change, m));
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  private async recompute(change: ReferenceChange, m: EntityManager): Promise<void> {
    if (change.kind !== 'calendar-year' && change.kind !== 'deadline-policy') return;
    // A due date that consulted a year's days lies in that year or later; a policy may move any open case's.
    const from = change.kind === 'calendar-year' ? shanghaiStartOfDay(`${change.id}-01-01`) : null;
    const rows = await m.query<Array<{ case_id: string }>>(
      `SELECT case_id FROM cases WHERE status <> ALL($1) AND ($2::timestamptz IS NULL OR due_at >= $2) ORDER BY case_id`,
      [TERMINAL_STATUSES, from],
    );
    for (const { case_id: caseId } of rows) {
      const stored = await this.cases.lock(m, caseId);
      if (stored) await this.cases.apply(m, caseId, [], stored);
    }
  }
}

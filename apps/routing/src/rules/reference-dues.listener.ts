import { Injectable, Logger } from '@nestjs/common';
import { CaseReplicaStore, type ReferenceChange, ReferenceChangeSubscriber, ReferenceDataService } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

/**
 * Recomputes the stored due of open cases (`case_replica.due_at` / `due_provisional`, the inbox's and the desk's sort,
 * filter and flag) when a holiday year or a deadline policy arrives on the reference-data topic, in the consumer's
 * transaction: a new year can only settle dues counted provisionally; a policy may move any.
 */
@Injectable()
export class ReferenceDuesListener extends ReferenceChangeSubscriber {
  private readonly logger = new Logger(ReferenceDuesListener.name);

  constructor(
    reference: ReferenceDataService,
    private readonly cases: CaseReplicaStore,
  ) {
    super(reference);
  }

  protected async onReferenceChange(change: ReferenceChange, m: EntityManager): Promise<void> {
    if (change.kind !== 'calendar-year' && change.kind !== 'deadline-policy') return;
    const moved = await this.cases.refreshDues(m, change.kind === 'calendar-year');
    this.logger.log(`${change.kind}:${change.id} r${change.revision}: ${moved} case dues moved`);
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AnyCaseEvent } from '@sunshine/contracts';
import { caseKpiFacts, type CaseState, clockHistory, eventKpiFacts } from '@sunshine/domain';
import { CaseReactions, DeadlineContextSource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { StaffFlagService } from '../staff-flags/staff-flag.service';
import { KpiRollupStore } from './kpi-rollup.store';

const later = (a: string, b: string | null): string => (b !== null && b > a ? b : a);

/**
 * What evaluation does with each event the case replica folds, in its transaction: recount the case's KPI facts from
 * the folded state and its clocks (clockHistory, as of the case's latest event), add the event's own facts, and record
 * a handling-unit rating against the staff member who handled the stage.
 */
@Injectable()
export class EvaluationReactions implements OnModuleInit {
  constructor(
    private readonly reactions: CaseReactions,
    private readonly deadlines: DeadlineContextSource,
    private readonly rollups: KpiRollupStore,
    private readonly flags: StaffFlagService,
  ) {}

  onModuleInit(): void {
    this.reactions.on('*', (m, { event, before, after }) => this.recount(m, event, before, after));
    this.reactions.on('petition.rated', (m, { event, after }) => this.flags.onRated(m, event, after));
  }

  async recount(m: EntityManager, event: AnyCaseEvent, before: CaseState, after: CaseState): Promise<void> {
    const caseId = event.caseId ?? after.caseId;
    if (!caseId) return;
    // As of the case's latest instant: a late-arriving event with an earlier time does not make a duty undue again.
    const asOf = later(event.occurredAt, before.lastEventAt);
    const clocks = clockHistory(after, { ...this.deadlines.current(), asOf });
    await this.rollups.sync(m, caseId, 'state', caseKpiFacts(after, clocks));
    await this.rollups.sync(m, caseId, 'event', eventKpiFacts(event, after));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CASE_NOT_FOUND,
  type CaseCore,
  caseCoreOfState,
  type CaseHistoryEntry,
  CaseReplicaStore,
  CaseVisibility,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { CLOCK_COLUMNS, clockRowOf } from '../ledger/clock-row';
import { type ClockView, clockViewOf } from '../ledger/clock-view';

export interface TimelineEntry {
  readonly eventId: string;
  readonly type: string;
  readonly producer: string;
  readonly status: string | null;
  readonly stage: string;
  readonly holdingUnitId: string | null;
  readonly occurredAt: string;
}

export interface CaseView extends CaseCore {
  readonly heldBy: string[];
  readonly flags: Record<string, unknown>;
  readonly clocks: ClockView[];
  readonly timeline: TimelineEntry[];
}

/**
 * The city-level view of a case: status, holding unit, flags, its clocks and timeline (the replica's journal), for a
 * caller the one visibility rule lets see it (an accusation: never the accused side, Art 30); else 404.
 */
@Injectable()
export class CityViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
  ) {}

  async get(caseId: string, viewer: StaffPrincipal): Promise<CaseView> {
    const m = this.dataSource.manager;
    const found = await this.store.read(m, caseId);
    if (!found) throw CASE_NOT_FOUND;
    await this.visibility.assert(viewer, found.facts, 'facts-only', m);
    const timeline = await this.store.history(m, caseId);
    const clocks = await m.query<Array<Record<string, unknown>>>(
      `SELECT ${CLOCK_COLUMNS} FROM deadline_clocks WHERE case_id = $1 ORDER BY start_at, id`,
      [caseId],
    );
    return {
      ...caseCoreOfState(caseId, found.state),
      heldBy: [...found.state.heldBy],
      flags: { ...found.state.flags },
      clocks: clocks.map((r) => clockViewOf(clockRowOf(r))),
      timeline: timeline.map(timelineEntryOf),
    };
  }
}

function timelineEntryOf(t: CaseHistoryEntry): TimelineEntry {
  return {
    eventId: t.eventId,
    type: t.type,
    producer: t.producer,
    status: t.statusAfter,
    stage: t.stage ?? '',
    holdingUnitId: t.holdingUnitId,
    occurredAt: t.occurredAt,
  };
}

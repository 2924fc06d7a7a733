import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseState } from '@sunshine/domain';
import { CASE_NOT_FOUND, CaseReplicaStore, CaseVisibility, isoOf, type CaseHistoryEntry, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import type { CaseCore } from './case-list-item';

export interface TimelineEntry {
  readonly eventId: string;
  readonly type: string;
  readonly producer: string;
  readonly status: string | null;
  readonly stage: string;
  readonly holdingUnitId: string | null;
  readonly occurredAt: string;
}

export interface CaseClock {
  readonly clockId: string;
  readonly kind: string;
  readonly stage: string;
  readonly unitId: string;
  readonly article: string;
  readonly startAt: string;
  readonly dueAt: string;
  readonly lastDay: string;
  readonly provisional: boolean;
  readonly status: string;
  readonly late: boolean | null;
  readonly stoppedAt: string | null;
}

export interface CaseView extends CaseCore {
  readonly heldBy: string[];
  readonly flags: Record<string, unknown>;
  readonly clocks: CaseClock[];
  readonly timeline: TimelineEntry[];
}

const iso = (v: unknown): string => isoOf(v) ?? '';

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
      `SELECT id, kind, stage, unit_id, article, start_at, due_at, last_day, provisional, status, late, stopped_at
       FROM deadline_clocks WHERE case_id = $1 ORDER BY start_at, id`,
      [caseId],
    );
    return {
      ...coreOf(caseId, found.state),
      heldBy: [...found.state.heldBy],
      flags: { ...found.state.flags },
      clocks: clocks.map(clockOf),
      timeline: timeline.map(timelineEntryOf),
    };
  }
}

function coreOf(caseId: string, s: CaseState): CaseCore {
  return {
    caseId,
    caseNumber: s.caseNumber,
    status: s.status,
    stage: s.stage,
    type: s.type,
    category: s.category,
    placeCode: s.placeCode,
    holdingUnitId: s.holdingUnitId,
  };
}

function clockOf(c: Record<string, unknown>): CaseClock {
  return {
    clockId: String(c['id']),
    kind: String(c['kind']),
    stage: String(c['stage']),
    unitId: String(c['unit_id']),
    article: String(c['article']),
    startAt: iso(c['start_at']),
    dueAt: iso(c['due_at']),
    lastDay: String(c['last_day']),
    provisional: Boolean(c['provisional']),
    status: String(c['status']),
    late: (c['late'] as boolean | null) ?? null,
    stoppedAt: c['stopped_at'] ? iso(c['stopped_at']) : null,
  };
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

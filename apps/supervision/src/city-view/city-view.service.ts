import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffPrincipal } from '@sunshine/platform';
import { isoOf } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { NOT_VISIBLE, VisibilityService } from '../shared/visibility.service';
import { caseCoreOf, type CaseCore } from './case-list-item';

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
 * The city-level view of a case: status, holding unit, flags, its clocks and timeline, for a caller whose jurisdiction
 * covers it (VisibilityService: the accused unit of an accusation never sees it, Art 30).
 */
@Injectable()
export class CityViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: VisibilityService,
  ) {}

  async get(caseId: string, viewer: StaffPrincipal): Promise<CaseView> {
    const filter = this.visibility.sql(await this.visibility.scopeOf(viewer), 2);
    const [row] = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT * FROM case_views v WHERE v.case_id = $1 AND ${filter.clause}`,
      [caseId, ...filter.params],
    );
    if (!row) throw NOT_VISIBLE;
    const timeline = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT event_id, type, producer, status_after, stage, holding_unit_id, occurred_at FROM case_timeline WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    const clocks = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT id, kind, stage, unit_id, article, start_at, due_at, last_day, provisional, status, late, stopped_at
       FROM deadline_clocks WHERE case_id = $1 ORDER BY start_at, id`,
      [caseId],
    );
    const state = row['state'] as { flags?: Record<string, unknown> };
    return {
      ...caseCoreOf(row),
      heldBy: row['held_by'] as string[],
      flags: state.flags ?? {},
      clocks: clocks.map((c) => ({
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
      })),
      timeline: timeline.map((t) => ({
        eventId: String(t['event_id']),
        type: String(t['type']),
        producer: String(t['producer']),
        status: (t['status_after'] as string | null) ?? null,
        stage: String(t['stage']),
        holdingUnitId: (t['holding_unit_id'] as string | null) ?? null,
        occurredAt: iso(t['occurred_at']),
      })),
    };
  }
}

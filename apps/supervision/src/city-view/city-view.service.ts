import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

export interface TimelineEntry {
  readonly eventId: string;
  readonly type: string;
  readonly producer: string;
  readonly status: string | null;
  readonly stage: string;
  readonly holdingUnitId: string | null;
  readonly occurredAt: string;
}

export interface CaseView {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: string | null;
  readonly stage: string;
  readonly type: string | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  readonly holdingUnitId: string | null;
  readonly heldBy: string[];
  readonly timeline: TimelineEntry[];
}

const NOT_FOUND = new DomainException('CASE_NOT_FOUND', 'not-found', { zh: '信访事项不存在或无权查看', en: 'no such case in your jurisdiction' });

/**
 * The city-level view of a case: status, holding unit, timeline. A viewer sees a case whose place or any holding
 * unit lies in its territory; the accused unit of an accusation never sees it (Art 30).
 */
@Injectable()
export class CityViewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(caseId: string, viewer: StaffPrincipal): Promise<CaseView> {
    const [row] = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT * FROM case_views WHERE case_id = $1 AND $2 = ANY(territory_codes) AND accused_unit_id IS DISTINCT FROM $3`,
      [caseId, viewer.divisionCode, viewer.unitId],
    );
    if (!row) throw NOT_FOUND;
    const timeline = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT event_id, type, producer, status_after, stage, holding_unit_id, occurred_at FROM case_timeline WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    return {
      caseId: String(row['case_id']),
      caseNumber: (row['case_number'] as string | null) ?? null,
      status: (row['status'] as string | null) ?? null,
      stage: String(row['stage']),
      type: (row['type'] as string | null) ?? null,
      category: (row['category'] as string | null) ?? null,
      placeCode: (row['place_code'] as string | null) ?? null,
      holdingUnitId: (row['holding_unit_id'] as string | null) ?? null,
      heldBy: row['held_by'] as string[],
      timeline: timeline.map((t) => ({
        eventId: String(t['event_id']),
        type: String(t['type']),
        producer: String(t['producer']),
        status: (t['status_after'] as string | null) ?? null,
        stage: String(t['stage']),
        holdingUnitId: (t['holding_unit_id'] as string | null) ?? null,
        occurredAt: new Date(String(t['occurred_at'])).toISOString(),
      })),
    };
  }
}

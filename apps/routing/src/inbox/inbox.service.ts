import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DISCIPLINE_KINDS,
  type RaisedWarning,
  reviveCaseState,
  TERRITORY_OVERSEER_KINDS,
  unitDuties,
  type UnitDuty,
} from '@sunshine/domain';
import {
  type CaseCore,
  caseCoreColumns,
  caseCoreOf,
  CaseVisibility,
  Clock,
  DeadlineContextSource,
  DomainException,
  isoOf,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { DirectoryCache } from '../directory/directory.cache';
import { IntakeDossierClient } from '../documents/intake-dossier.client';
import { INBOX_VISIBILITY_FROM, type InboxQuery, inboxSql } from './inbox.query';

export interface InboxItem extends CaseCore {
  /** 事由, only where the reader may read the case in full (intake answers for those alone); else null. */
  readonly subject: string | null;
  /** True while the case is with this unit; false for cases it held before. */
  readonly holding: boolean;
  /** The unit assists on the case (协办) now: the lead unit is `holdingUnitName`. */
  readonly assisting: boolean;
  /** The holding unit's name (机构目录), null when the directory does not know it. */
  readonly holdingUnitName: string | null;
  /** The place's division names, e.g. 新乡市延津县东屯镇 (the code when the directory does not know it). */
  readonly placeName: string | null;
  /**
   * What this unit owes on the case now, soonest first (libs/domain `unitDuties`: the clocks' own verdict and the
   * warnings supervision raised for the very due): `running`, `warned` (预警) or `overdue` (超期).
   */
  readonly duties: UnitDuty[];
  /** 并单: the case ended (status `closed`) merged into this one, which carries on; null otherwise. */
  readonly mergedInto: { readonly caseId: string; readonly caseNumber: string | null } | null;
  readonly dueAt: string | null;
  /** The due date was counted on a year whose official holidays are not published yet: it may move when they are. */
  readonly dueProvisional: boolean;
  readonly registeredAt: string | null;
  readonly objectedTwice: boolean;
  /** The case version to send back with an action (If-Match). */
  readonly version: number;
  readonly updatedAt: string;
}

export interface InboxPage {
  readonly items: InboxItem[];
  readonly total: number;
  /** Counts per status under the same scope and filters (except the status filter). */
  readonly byStatus: Record<string, number>;
}

/** Unit kinds the visibility rule gives a view of their territory (bureaus, governments, party committees, discipline organs). */
const TERRITORY_VIEW_KINDS: readonly string[] = [...TERRITORY_OVERSEER_KINDS, ...DISCIPLINE_KINDS];

const SELECT = `SELECT ${caseCoreColumns('c')}, c.due_at,
  c.due_provisional, c.registered_at, coalesce((c.state #>> '{objections,count}')::int, 0) >= 2 AS objected_twice, c.revision,
  c.updated_at, c.state FROM case_replica c`;

/** A unit's inbox (the cases it holds or held), or an overseer's territory: both through the one visibility rule. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
    private readonly directory: DirectoryCache,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
    private readonly intake: IntakeDossierClient,
  ) {}

  async list(staff: StaffPrincipal, q: InboxQuery): Promise<InboxPage> {
    const viewer = await this.visibility.viewer(staff);
    if (q.scope === 'territory' && !(viewer.kind !== null && TERRITORY_VIEW_KINDS.includes(viewer.kind))) {
      throw new DomainException('SCOPE_NOT_ALLOWED', 'forbidden', {
        zh: '只有信访部门、党委政府和纪检监察机关可以查看辖区内的信访事项',
        en: 'only petition bureaus, governments, party committees and discipline organs see their territory',
      });
    }
    const sql = inboxSql(staff.unitId, await this.visibility.sql(staff, INBOX_VISIBILITY_FROM, 'c'), q);
    const n = sql.params.length;
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `${SELECT} WHERE ${sql.filtered} ORDER BY ${sql.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...sql.params, q.limit, q.offset],
    );
    const counts = await this.dataSource.query<Array<{ status: string | null; n: string }>>(
      `SELECT c.status, count(*) AS n FROM case_replica c WHERE ${sql.scoped} GROUP BY c.status`,
      sql.params.slice(0, q.status ? n - 1 : n),
    );
    const [{ total } = { total: '0' }] = await this.dataSource.query<Array<{ total: string }>>(
      `SELECT count(*) AS total FROM case_replica c WHERE ${sql.filtered}`,
      sql.params,
    );
    const directory = await this.directory.current(this.dataSource.manager);
    const clocks = { ...this.deadlines.current(), asOf: this.clock.now() };
    const caseIds = rows.map((r) => String(r['case_id']));
    const warnings = await this.warningsOf(caseIds, staff.unitId);
    // The subject only where the reader may read the case in full: intake answers for those alone.
    const subjects = await this.intake.subjects(caseIds, staff.token);
    return {
      items: rows.map((r) => {
        const core = caseCoreOf(r);
        const state = reviveCaseState(r['state'], core.caseId);
        return {
          ...core,
          subject: subjects.get(core.caseId) ?? null,
          holding: r['holding_unit_id'] === staff.unitId,
          assisting: state.assistingUnitIds.includes(staff.unitId),
          holdingUnitName: core.holdingUnitId ? (directory.get(core.holdingUnitId)?.name ?? null) : null,
          placeName: core.placeCode ? directory.placeLabel(core.placeCode) : null,
          duties: unitDuties(state, staff.unitId, clocks, warnings.get(core.caseId) ?? []),
          mergedInto: state.flags.mergedInto,
          dueAt: isoOf(r['due_at']),
          dueProvisional: r['due_at'] !== null && Boolean(r['due_provisional']),
          registeredAt: isoOf(r['registered_at']),
          objectedTwice: Boolean(r['objected_twice']),
          version: Number(r['revision']),
          updatedAt: isoOf(r['updated_at']) ?? '',
        };
      }),
      total: Number(total),
      byStatus: Object.fromEntries(counts.map((c) => [c.status ?? 'none', Number(c.n)])),
    };
  }

  /** The deadline warnings supervision raised to `unitId` on these cases (the replica's journal), by case. */
  private async warningsOf(caseIds: string[], unitId: string): Promise<Map<string, RaisedWarning[]>> {
    const byCase = new Map<string, RaisedWarning[]>();
    if (caseIds.length === 0) return byCase;
    const rows = await this.dataSource.query<Array<{ case_id: string; payload: RaisedWarning }>>(
      `SELECT case_id, payload FROM case_replica_events WHERE case_id = ANY($1::uuid[]) AND type = 'case.deadline-warning' AND payload->>'unitId' = $2`,
      [caseIds, unitId],
    );
    for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.payload]);
    return byCase;
  }
}

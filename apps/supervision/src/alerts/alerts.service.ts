import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Reason, UrgentMatterKind } from '@sunshine/contracts';
import { divisionPrefix } from '@sunshine/domain';
import { DomainException, OutboxRelay, type StaffPrincipal, isoOf } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { CaseViewStore } from '../city-view/case-view.store';
import { SupervisingBureauService } from '../orders/supervising-bureau.service';
import { NOT_VISIBLE, VisibilityService } from '../shared/visibility.service';
import { ReportUpService } from './report-up.service';

export interface AlertView {
  readonly alertId: string;
  readonly kind: string;
  readonly level: string;
  readonly divisionCode: string;
  readonly category: string | null;
  readonly count: number;
  readonly threshold: number;
  readonly sensitivePeriod: string | null;
  readonly caseIds: string[];
  readonly raisedAt: string;
}

/** Early warnings of the caller's territory, and reporting an urgent matter up by hand (Art 25). */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: VisibilityService,
    private readonly bureaus: SupervisingBureauService,
    private readonly cases: CaseViewStore,
    private readonly reportUp: ReportUpService,
    private readonly relay: OutboxRelay,
  ) {}

  async list(staff: StaffPrincipal, limit: number): Promise<AlertView[]> {
    const scope = await this.visibility.scopeOf(staff);
    if (!scope.overseer) return [];
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT * FROM alerts WHERE division_code LIKE $1 ORDER BY raised_at DESC LIMIT $2`,
      [`${divisionPrefix(scope.divisionCode)}%`, limit],
    );
    return rows.map((r) => ({
      alertId: String(r['id']),
      kind: String(r['kind']),
      level: String(r['level']),
      divisionCode: String(r['division_code']),
      category: (r['category'] as string | null) ?? null,
      count: Number(r['count']),
      threshold: Number(r['threshold']),
      sensitivePeriod: (r['sensitive_period'] as string | null) ?? null,
      caseIds: r['case_ids'] as string[],
      raisedAt: isoOf(r['raised_at']) ?? '',
    }));
  }

  async report(staff: StaffPrincipal, caseId: string, body: { kind: UrgentMatterKind; reason: Reason }): Promise<{ toUnitIds: string[] }> {
    if (!(await this.bureaus.isBureau(staff.unitId))) {
      throw new DomainException('BUREAU_ONLY', 'forbidden', { zh: '只有信访部门可以上报', en: 'only a petition bureau reports up' });
    }
    const scope = await this.visibility.scopeOf(staff);
    const toUnitIds = await this.dataSource.transaction(async (m) => {
      const filter = this.visibility.sql(scope, 2);
      const visible = await m.query<unknown[]>(`SELECT 1 FROM case_views v WHERE v.case_id = $1 AND ${filter.clause}`, [caseId, ...filter.params]);
      const state = visible.length > 0 ? await this.cases.lock(m, caseId) : null;
      if (!state) throw NOT_VISIBLE;
      const result = await this.reportUp.report(m, state, { unitId: staff.unitId, kind: body.kind, reason: body.reason, actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId } });
      if (!result.ok) {
        throw result.error
          ? new DomainException(result.error.code, 'conflict', result.error.message)
          : new DomainException('NO_RECIPIENT', 'unprocessable', { zh: '找不到上报对象', en: 'no unit to report to' });
      }
      const [event] = result.events;
      return event?.type === 'case.reported-up' ? (event.payload as { toUnitIds: string[] }).toUnitIds : [];
    });
    this.relay.poke();
    return { toUnitIds };
  }
}

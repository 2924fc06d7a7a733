import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlertKind, AlertLevel, Reason, UrgentMatterKind } from '@sunshine/contracts';
import { divisionPrefix, TERRITORY_OVERSEER_KINDS } from '@sunshine/domain';
import {
  CaseCommands,
  CaseEmitter,
  CaseVisibility,
  decisionException,
  DomainException,
  isoOf,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { IntakeSubjectsClient } from '../city-view/intake-subjects.client';
import { SupervisingBureauService } from '../orders/supervising-bureau.service';
import { ReportUpService } from './report-up.service';

export interface AlertView {
  readonly alertId: string;
  readonly kind: AlertKind;
  readonly level: AlertLevel;
  readonly divisionCode: string;
  readonly category: string | null;
  readonly count: number;
  readonly threshold: number;
  readonly sensitivePeriod: string | null;
  readonly caseIds: string[];
  readonly raisedAt: string;
  /** A hot topic's representative petition. */
  readonly representativeCaseId: string | null;
  /** Its subject (事由), read from intake with the caller's token: null where the caller may not read its text. */
  readonly representativeSubject: string | null;
}

/**
 * Early warnings of the caller's territory (a derived answer: shown only where every case it names may be seen, so an
 * accusation's warning never reaches the accused side), with a hot topic's representative subject as intake lets the
 * caller read it; and reporting an urgent matter up by hand (Art 25).
 */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
    private readonly bureaus: SupervisingBureauService,
    private readonly commands: CaseCommands,
    private readonly emitter: CaseEmitter,
    private readonly reportUp: ReportUpService,
    private readonly intake: IntakeSubjectsClient,
  ) {}

  async list(staff: StaffPrincipal, limit: number): Promise<AlertView[]> {
    const viewer = await this.visibility.viewer(staff);
    if (viewer.kind === null || !TERRITORY_OVERSEER_KINDS.includes(viewer.kind)) return [];
    const filter = await this.visibility.sql(staff, 3, 'v');
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT a.* FROM alerts a WHERE a.division_code LIKE $1
         AND NOT EXISTS (SELECT 1 FROM unnest(a.case_ids) AS x(case_id) LEFT JOIN case_replica v ON v.case_id = x.case_id
                         WHERE NOT (${filter.visible}))
       ORDER BY a.raised_at DESC LIMIT $2`,
      [`${divisionPrefix(viewer.divisionCode)}%`, limit, ...filter.params],
    );
    const representatives = rows.flatMap((r) => (typeof r['representative_case_id'] === 'string' ? [r['representative_case_id']] : []));
    const subjects = await this.intake.subjects(representatives, staff.token);
    return rows.map((r) => ({
      alertId: String(r['id']),
      kind: r['kind'] as AlertKind,
      level: r['level'] as AlertLevel,
      divisionCode: String(r['division_code']),
      category: (r['category'] as string | null) ?? null,
      count: Number(r['count']),
      threshold: Number(r['threshold']),
      sensitivePeriod: (r['sensitive_period'] as string | null) ?? null,
      caseIds: r['case_ids'] as string[],
      raisedAt: isoOf(r['raised_at']) ?? '',
      representativeCaseId: (r['representative_case_id'] as string | null) ?? null,
      representativeSubject: subjects.get(r['representative_case_id'] as string) ?? null,
    }));
  }

  async report(staff: StaffPrincipal, caseId: string, body: { kind: UrgentMatterKind; reason: Reason }): Promise<{ toUnitIds: string[] }> {
    await this.bureaus.assertBureau(staff.unitId, { zh: '上报', en: 'reports up' });
    const { result: toUnitIds } = await this.commands.act(caseId, staff, {}, async (tx) => {
      const result = await this.reportUp.report(tx.m, tx.current, {
        unitId: staff.unitId,
        kind: body.kind,
        reason: body.reason,
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
      });
      if (!result.ok) {
        throw result.error
          ? decisionException(result.error)
          : new DomainException('NO_RECIPIENT', 'unprocessable', { zh: '找不到上报对象', en: 'no unit to report to' });
      }
      const [event] = result.events;
      return event?.type === 'case.reported-up' ? [...event.payload.toUnitIds] : [];
    });
    this.emitter.poke();
    return { toUnitIds };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { EventOf } from '@sunshine/contracts';
import { divisionAt, divisionLevelOf, levelDepth, shanghaiDateOf } from '@sunshine/domain';
import { CaseReplicaStore } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { type AlertThresholds, SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { AlertWriter } from './alert-writer.service';
import { ReportUpService } from './report-up.service';

const HOUR_MS = 3_600_000;

interface InForce {
  readonly thresholds: AlertThresholds;
  readonly period: string | undefined;
}

/**
 * Early warnings (信访预警) on each registration: a collective visit from a head count (a major one is also reported
 * up at once, Art 25), and a spike of one category in one township within a window; during a sensitive period
 * (date ranges in the configuration, e.g. 全国两会) the lower thresholds of that period apply.
 */
@Injectable()
export class EarlyWarningService {
  constructor(
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly alerts: AlertWriter,
    private readonly reportUp: ReportUpService,
    private readonly cases: CaseReplicaStore,
  ) {}

  async onRegistered(m: EntityManager, event: EventOf<'petition.registered'>): Promise<void> {
    const caseId = event.caseId;
    if (!caseId) return;
    const p = event.payload;
    const at = new Date(p.receivedAt);
    const headCount = p.form.kind === 'collective' ? p.form.headCount : 1;
    const township =
      levelDepth(divisionLevelOf(p.placeCode)) >= levelDepth('township') ? (divisionAt(p.placeCode, 'township') ?? null) : null;
    await m.query(
      `INSERT INTO alert_registrations (case_id, township_code, category, head_count, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [caseId, township, p.category, headCount, at],
    );
    const { thresholds, period } = this.inForce(at);
    const causedBy = { id: event.id, correlationId: event.correlationId };
    const periodField = period ? { sensitivePeriod: period } : {};
    if (p.form.kind === 'collective' && headCount >= thresholds.collectiveHeadCount) {
      const major = headCount >= thresholds.majorHeadCount;
      const raised = await this.alerts.raise(
        m,
        {
          kind: 'collective-visit',
          level: major ? 'major' : 'warning',
          divisionCode: p.placeCode,
          category: p.category,
          count: headCount,
          threshold: major ? thresholds.majorHeadCount : thresholds.collectiveHeadCount,
          caseIds: [caseId],
          ...periodField,
        },
        `collective:${caseId}`,
        causedBy,
        at,
      );
      // Reported up once, with the warning (a replay of the log finds the warning raised and reports nothing again).
      const current = major && raised !== null ? await this.cases.read(m, caseId) : null;
      if (current) {
        await this.reportUp.report(m, current, {
          unitId: p.receivingUnitId,
          kind: 'major',
          reason: { code: 'collective-visit-major', text: `集体访${headCount}人${period ? `（${period}）` : ''}` },
          actor: { kind: 'system', id: 'early-warning', unitId: p.receivingUnitId },
          causedBy,
        });
      }
    }
    if (township) await this.spike(m, caseId, township, p.category, at, thresholds.spikeCount, periodField, causedBy);
  }

  private async spike(
    m: EntityManager,
    caseId: string,
    township: string,
    category: string,
    at: Date,
    threshold: number,
    periodField: { sensitivePeriod?: string },
    causedBy: { id: string; correlationId: string },
  ): Promise<void> {
    const windowHours = this.config.alerts.spikeWindowHours;
    const from = new Date(at.getTime() - windowHours * HOUR_MS);
    const rows = await m.query<Array<{ case_id: string }>>(
      `SELECT case_id FROM alert_registrations WHERE township_code = $1 AND category = $2 AND at > $3 AND at <= $4 ORDER BY at LIMIT 100`,
      [township, category, from, at],
    );
    if (rows.length < threshold) return;
    const recent = await m.query<unknown[]>(
      `SELECT 1 FROM alerts WHERE kind = 'category-spike' AND division_code = $1 AND category = $2 AND raised_at > $3`,
      [township, category, from],
    );
    if (recent.length > 0) return;
    await this.alerts.raise(
      m,
      {
        kind: 'category-spike',
        level: 'warning',
        divisionCode: township,
        category,
        count: rows.length,
        threshold,
        windowHours,
        caseIds: rows.map((r) => r.case_id),
        ...periodField,
      },
      `spike:${township}:${category}:${caseId}`,
      causedBy,
      at,
    );
  }

  /** The thresholds in force on `at`'s Asia/Shanghai date: a sensitive period's, else the defaults. */
  private inForce(at: Date): InForce {
    const day = shanghaiDateOf(at);
    const period = this.config.alerts.sensitivePeriods.find((s) => s.from <= day && day <= s.to);
    const base = this.config.alerts.thresholds;
    return period ? { thresholds: { ...base, ...period.thresholds }, period: period.label } : { thresholds: base, period: undefined };
  }
}

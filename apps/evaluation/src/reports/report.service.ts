import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportKind } from '@sunshine/contracts';
import {
  BUREAU_KINDS,
  cityDown,
  type KpiPeriod,
  kpiPeriodOf,
  type LocalDate,
  mayReadFigures,
  previousKpiPeriod,
  shanghaiDateOf,
} from '@sunshine/domain';
import { CaseVisibility, DomainException, newEvent, OrgDirectorySource, OutboxWriter, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { NOT_FOUND } from '../kpis/evaluation-errors';
import { KpiQueryService } from '../kpis/kpi-query.service';
import { ReportStore, type StoredReport } from './report.store';
import { ReportBuilder } from './report-builder.service';
import { REPORT_PERIODS, type ReportContent } from './report-content';

const REPORT_EXISTS = new DomainException('REPORT_EXISTS', 'conflict', {
  zh: '该期报告已生成',
  en: 'the report of this period exists already',
});
const REPORT_NOT_FOUND = NOT_FOUND({ zh: '报告', en: 'report' });

/** 日报/周报/月报/年度报告: generated on schedule for every bureau's territory (or on demand), stored once, announced. */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly builder: ReportBuilder,
    private readonly store: ReportStore,
    private readonly kpis: KpiQueryService,
    private readonly visibility: CaseVisibility,
    private readonly directory: OrgDirectorySource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Stores the report of `kind` for `division` and `period` and announces it; null when it exists already. */
  async generate(kind: ReportKind, division: string, period: KpiPeriod, at: Date): Promise<StoredReport | null> {
    const content = await this.builder.build(kind, division, period);
    const report: StoredReport = {
      id: uuidv7(),
      kind,
      divisionCode: division,
      period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
      generatedAt: at.toISOString(),
    };
    return this.dataSource.transaction(async (m) => {
      if (!(await this.store.insert(m, report, content))) return null;
      const event = newEvent(
        'evaluation.report-ready',
        { reportId: report.id, kind, divisionCode: division, period: report.period, formats: ['xlsx', 'html'] },
        {
          jurisdiction: { place: cityDown(division), unit: cityDown(division) },
          actor: { kind: 'system', id: 'evaluation-reports' },
          occurredAt: at,
        },
      );
      await this.outbox.append(m, event, division);
      return report;
    });
  }

  /** The scheduled run: the period just ended (as of `now` in Asia/Shanghai), for the territory of every city and county bureau. */
  async scheduled(kind: ReportKind, now: Date): Promise<StoredReport[]> {
    const period = previousKpiPeriod(kpiPeriodOf(REPORT_PERIODS[kind], shanghaiDateOf(now)));
    const divisions = [
      ...new Set(
        (await this.directory.current()).units
          .filter((u) => BUREAU_KINDS.includes(u.kind) && (u.level === 'city' || u.level === 'county'))
          .map((u) => u.divisionCode),
      ),
    ].sort();
    const made: StoredReport[] = [];
    for (const division of divisions) {
      const r = await this.generate(kind, division, period, now);
      if (r) made.push(r);
    }
    return made;
  }

  /** On demand (a bureau's supervisor or head): the report of the period containing `date`; 409 when it exists. */
  async request(staff: StaffPrincipal, body: { kind: ReportKind; divisionCode: string; date: LocalDate }, at: Date): Promise<StoredReport> {
    await this.kpis.subjectFor(staff, { division: body.divisionCode });
    const r = await this.generate(body.kind, body.divisionCode, kpiPeriodOf(REPORT_PERIODS[body.kind], body.date), at);
    if (!r) throw REPORT_EXISTS;
    return r;
  }

  async list(staff: StaffPrincipal, kind?: ReportKind): Promise<StoredReport[]> {
    const viewer = await this.visibility.viewer(staff);
    return (await this.store.list(kind)).filter((r) => mayReadFigures(viewer, { kind: 'territory', division: r.divisionCode }));
  }

  /** One report the caller may read (404 otherwise, as for one that does not exist). */
  async get(staff: StaffPrincipal, id: string): Promise<{ report: StoredReport; content: ReportContent }> {
    const found = await this.store.get(id);
    if (!found || !mayReadFigures(await this.visibility.viewer(staff), { kind: 'territory', division: found.report.divisionCode }))
      throw REPORT_NOT_FOUND;
    return found;
  }
}

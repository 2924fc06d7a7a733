import { Injectable } from '@nestjs/common';
import { divisionPrefix, type KpiMetric, type KpiPeriodKind, kpiPeriodOf, type LocalDate } from '@sunshine/domain';
import { CaseLists, type StaffPrincipal } from '@sunshine/platform';

import { KpiQueryService } from './kpi-query.service';

export interface FigureCasesAsk {
  readonly period: KpiPeriodKind;
  readonly date: LocalDate;
  readonly metric: KpiMetric;
  readonly outcome?: string;
  readonly unitId?: string;
  readonly division?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface FigureCase {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: string | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  /** 信访途径 as counted (来信、来访、网上、电话、12345…). */
  readonly channel: string;
  readonly unitId: string;
  readonly day: string;
  readonly metric: string;
  readonly outcome: string;
  readonly persons: number;
}

/**
 * The cases behind a figure (drill-down): the facts counted in it, joined to the case replica through the one
 * visibility rule, so a county sees its own cases and the city all; an accusation stays hidden from the accused.
 */
@Injectable()
export class KpiCasesService {
  constructor(
    private readonly kpis: KpiQueryService,
    private readonly lists: CaseLists,
  ) {}

  async cases(staff: StaffPrincipal, ask: FigureCasesAsk): Promise<{ items: FigureCase[]; total: number }> {
    const subject = await this.kpis.subjectFor(staff, ask);
    const period = kpiPeriodOf(ask.period, ask.date);
    const query = (await this.lists.visibleTo(staff))
      .where((p) => `f.metric = ${p}`, ask.metric)
      .where((p) => `f.day >= ${p}`, period.from)
      .where((p) => `f.day <= ${p}`, period.to)
      .whereGiven(ask.outcome, (p) => `f.outcome = ${p}`)
      .whereGiven(subject.kind === 'unit' ? subject.unitId : undefined, (p) => `f.unit_id = ${p}`)
      .whereGiven(subject.kind === 'territory' ? `${divisionPrefix(subject.division)}%` : undefined, (p) => `f.division LIKE ${p}`);
    const from = 'FROM kpi_facts f JOIN case_replica v ON v.case_id = f.case_id';
    const total = await query.count(from);
    const rows = await query.rows<Record<string, unknown>>(
      `SELECT f.case_id, v.case_number, v.status, v.category, v.place_code, f.channel, f.unit_id, to_char(f.day, 'YYYY-MM-DD') AS day, f.metric, f.outcome,
         f.persons ${from}`,
      'f.day, v.case_number, f.fact_key',
      ask,
    );
    return {
      total,
      items: rows.map((r) => ({
        caseId: String(r['case_id']),
        caseNumber: (r['case_number'] as string | null) ?? null,
        status: (r['status'] as string | null) ?? null,
        category: (r['category'] as string | null) ?? null,
        placeCode: (r['place_code'] as string | null) ?? null,
        channel: String(r['channel']),
        unitId: String(r['unit_id']),
        day: String(r['day']),
        metric: String(r['metric']),
        outcome: String(r['outcome']),
        persons: Number(r['persons']),
      })),
    };
  }
}

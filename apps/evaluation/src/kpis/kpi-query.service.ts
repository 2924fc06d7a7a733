import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  divisionPrefix,
  type FigureSubject,
  kpiComparison,
  type KpiCounts,
  type KpiFigures,
  kpiFigures,
  type KpiPeriod,
  type KpiPeriodKind,
  kpiPeriodOf,
  type LocalDate,
  mayReadFigures,
  previousKpiPeriod,
  samePeriodLastYear,
} from '@sunshine/domain';
import { CaseVisibility, OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { FIGURES_OUT_OF_SCOPE, unknownUnit } from './evaluation-errors';

/** Whose figures, over which calendar period. */
export interface KpiAsk {
  readonly period: KpiPeriodKind;
  readonly date: LocalDate;
  readonly unitId?: string;
  /** A territory (the place of the cases). Neither given: the caller's own territory (an overseer) or unit. */
  readonly division?: string;
}

export interface PeriodFigures {
  readonly period: KpiPeriod;
  readonly figures: KpiFigures;
}

export interface KpiReport extends PeriodFigures {
  readonly subject: FigureSubject;
  /** 环比 */
  readonly previous: PeriodFigures;
  /** 同比 */
  readonly lastYear: PeriodFigures;
  readonly change: { readonly monthOnMonth: Record<string, number | null>; readonly yearOnYear: Record<string, number | null> };
}

/** Rollup rows of a subject: a unit's (its own id) or a territory's (places under a division). */
export interface RollupFilter {
  readonly unitId?: string;
  readonly division?: string;
}

/** KPI figures from the daily rollups (never a scan of the cases), with 同比 and 环比, for what the caller may read. */
@Injectable()
export class KpiQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
    private readonly directory: OrgDirectorySource,
  ) {}

  /** The subject asked for, checked against what the caller may read (403 FIGURES_OUT_OF_SCOPE). */
  async subjectFor(staff: StaffPrincipal, ask: Pick<KpiAsk, 'unitId' | 'division'>): Promise<FigureSubject> {
    const viewer = await this.visibility.viewer(staff);
    let subject: FigureSubject;
    if (ask.unitId !== undefined) {
      const unit = (await this.directory.current()).get(ask.unitId);
      if (!unit) throw unknownUnit(ask.unitId);
      subject = { kind: 'unit', unitId: ask.unitId, division: unit.divisionCode };
    } else if (ask.division !== undefined) {
      subject = { kind: 'territory', division: ask.division };
    } else {
      // Neither given: an overseer's own territory, anyone else's own unit.
      const territory: FigureSubject = { kind: 'territory', division: viewer.divisionCode };
      subject = mayReadFigures(viewer, territory) ? territory : { kind: 'unit', unitId: viewer.unitId, division: viewer.divisionCode };
    }
    if (!mayReadFigures(viewer, subject)) throw FIGURES_OUT_OF_SCOPE;
    return subject;
  }

  async report(staff: StaffPrincipal, ask: KpiAsk): Promise<KpiReport> {
    const subject = await this.subjectFor(staff, ask);
    const filter = filterOf(subject);
    const period = kpiPeriodOf(ask.period, ask.date);
    const [now, previous, lastYear] = await Promise.all(
      [period, previousKpiPeriod(period), samePeriodLastYear(period)].map(async (p) => ({
        period: p,
        figures: kpiFigures(await this.counts(filter, p)),
      })),
    );
    if (!now || !previous || !lastYear) throw new Error('three periods asked, three answered');
    return {
      subject,
      ...now,
      previous,
      lastYear,
      change: { monthOnMonth: kpiComparison(now.figures, previous.figures), yearOnYear: kpiComparison(now.figures, lastYear.figures) },
    };
  }

  /** Rollup sums of the filter over the period, as `counts[metric][outcome]`. */
  async counts(
    filter: RollupFilter,
    period: Pick<KpiPeriod, 'from' | 'to'>,
    m: EntityManager = this.dataSource.manager,
  ): Promise<KpiCounts> {
    const prefix = filter.division ? divisionPrefix(filter.division) : null;
    // A county or a wider territory reads the county sums (dashboards); a unit or a township the fine rollup.
    const rows =
      filter.unitId === undefined && (prefix === null || prefix.length <= 6)
        ? await m.query<Array<{ metric: string; outcome: string; n: string; persons: string }>>(
            `SELECT metric, outcome, sum(n) AS n, sum(persons) AS persons FROM kpi_daily_county
              WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR county LIKE $3) GROUP BY metric, outcome`,
            [period.from, period.to, prefix === null ? null : `${prefix}%`],
          )
        : await m.query<Array<{ metric: string; outcome: string; n: string; persons: string }>>(
            `SELECT metric, outcome, sum(n) AS n, sum(persons) AS persons FROM kpi_daily
              WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR unit_id = $3) AND ($4::text IS NULL OR division LIKE $4)
              GROUP BY metric, outcome`,
            [period.from, period.to, filter.unitId ?? null, prefix === null ? null : `${prefix}%`],
          );
    const counts: Record<string, Record<string, { n: number; persons: number }>> = {};
    for (const r of rows) (counts[r.metric] ??= {})[r.outcome] = { n: Number(r.n), persons: Number(r.persons) };
    return counts as KpiCounts;
  }
}

export function filterOf(subject: FigureSubject): RollupFilter {
  return subject.kind === 'unit' ? { unitId: subject.unitId } : { division: subject.division };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportKind } from '@sunshine/contracts';
import {
  CategoryTaxonomy,
  ChannelTaxonomy,
  divisionAt,
  divisionPrefix,
  kpiComparison,
  type KpiFigures,
  kpiFigures,
  type KpiPeriod,
  type KpiRatio,
  previousKpiPeriod,
  samePeriodLastYear,
} from '@sunshine/domain';
import { OrgDirectorySource } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { KpiQueryService } from '../kpis/kpi-query.service';
import { REPORT_TITLES, type ReportContent, type ReportTable } from './report-content';

const RATES: ReadonlyArray<[keyof KpiFigures, string]> = [
  ['timelyAcceptance', '及时受理率'],
  ['onTimeReply', '按期答复率'],
  ['ratingParticipation', '参评率'],
  ['satisfactionHandling', '满意率（承办单位）'],
  ['satisfactionBureau', '满意率（信访部门）'],
  ['repeatRate', '重复信访率'],
  ['skipLevelShare', '越级访占比'],
  ['onceResolution', '一次性化解率'],
  ['resolution', '化解率'],
  ['objectionRate', '退回率'],
  ['lastDayReplyShare', '末日答复占比（异常提示）'],
  ['callbackRatingShare', '回访代评占比（异常提示）'],
  ['suggestionAcceptance', '智能分类采纳率'],
];
const COUNTS: ReadonlyArray<[keyof KpiFigures['counts'], string]> = [
  ['cases', '批次'],
  ['persons', '人次'],
  ['collectiveCases', '集体访批次'],
  ['collectivePersons', '集体访人次'],
  ['skipLevelCases', '越级访批次'],
  ['forwarded', '转送'],
  ['assigned', '交办'],
  ['orders', '督办'],
  ['reminders', '催办'],
  ['objections', '退回'],
  ['overdue', '超期'],
];

const pct = (r: KpiRatio): string | null => (r.rate === null ? null : `${(r.rate * 100).toFixed(2)}%`);
const delta = (d: number | null | undefined): string | null => (d === null || d === undefined ? null : `${(d * 100).toFixed(2)}`);
const label = (taxonomy: { label(code: string): string }, code: string): string => {
  try {
    return taxonomy.label(code);
  } catch {
    return code;
  }
};

/** The tables of a periodic report of a territory, from the rollups. */
@Injectable()
export class ReportBuilder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiQueryService,
    private readonly directory: OrgDirectorySource,
  ) {}

  async build(kind: ReportKind, division: string, period: KpiPeriod): Promise<ReportContent> {
    const figures = async (p: KpiPeriod) => kpiFigures(await this.kpis.counts({ division }, p));
    const [now, before, lastYear] = await Promise.all([
      figures(period),
      figures(previousKpiPeriod(period)),
      figures(samePeriodLastYear(period)),
    ]);
    const mom = kpiComparison(now, before);
    const yoy = kpiComparison(now, lastYear);
    const tables: ReportTable[] = [
      {
        name: '总体指标',
        headers: ['指标', '分子', '分母', '比率', '环比（百分点）', '同比（百分点）'],
        rows: RATES.map(([k, zh]) => {
          const r = now[k] as KpiRatio;
          return [zh, r.numerator, r.denominator, pct(r), delta(mom[k]), delta(yoy[k])];
        }),
      },
      {
        name: '数量统计',
        headers: ['项目', '数量', '环比增减', '同比增减'],
        rows: COUNTS.map(([k, zh]) => [zh, now.counts[k], mom[k] ?? null, yoy[k] ?? null]),
      },
      await this.units(division, period),
      await this.volumeBy('channel', '渠道分布', '渠道', division, period, (c) => label(ChannelTaxonomy, c)),
      await this.volumeBy('category', '类别分布', '类别', division, period, (c) => label(CategoryTaxonomy, c)),
      await this.volumeBy(
        "coalesce(substr(division, 1, 9), '')",
        '地区分布',
        '地区（乡级区划代码）',
        division,
        period,
        (c) => divisionAt(c.padEnd(12, '0'), 'township') ?? c,
      ),
    ];
    if (kind === 'annual') tables.push(await this.mostComplainedAbout(division, period));
    return { title: `${REPORT_TITLES[kind]} ${division} ${period.label}（${period.from} 至 ${period.to}）`, tables };
  }

  private async units(division: string, period: KpiPeriod): Promise<ReportTable> {
    const rows = await this.grouped('unit_id', division, period);
    const directory = await this.directory.current();
    const byUnit = new Map<string, Record<string, Record<string, { n: number; persons: number }>>>();
    for (const r of rows) {
      const counts = byUnit.get(r.key) ?? {};
      (counts[r.metric] ??= {})[r.outcome] = { n: r.n, persons: r.persons };
      byUnit.set(r.key, counts);
    }
    return {
      name: '各单位指标',
      headers: ['单位', '批次', '及时受理率', '按期答复率', '参评率', '满意率', '退回率', '督办', '超期'],
      rows: [...byUnit.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([unitId, counts]) => {
          const f = kpiFigures(counts);
          return [
            directory.get(unitId)?.name ?? unitId,
            f.counts.cases,
            pct(f.timelyAcceptance),
            pct(f.onTimeReply),
            pct(f.ratingParticipation),
            pct(f.satisfactionHandling),
            pct(f.objectionRate),
            f.counts.orders,
            f.counts.overdue,
          ];
        }),
    };
  }

  private async volumeBy(
    column: string,
    name: string,
    header: string,
    division: string,
    period: KpiPeriod,
    show: (code: string) => string,
  ): Promise<ReportTable> {
    const rows = (await this.grouped(column, division, period)).filter((r) => r.metric === 'volume');
    return {
      name,
      headers: [header, '批次', '人次'],
      rows: rows.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)).map((r) => [show(r.key), r.n, r.persons]),
    };
  }

  /** Art 41: the units most cases were sent to (转送/交办 received), with their 不满意 ratings and 督办. */
  private async mostComplainedAbout(division: string, period: KpiPeriod): Promise<ReportTable> {
    const rows = await this.grouped('unit_id', division, period);
    const directory = await this.directory.current();
    const sum = (unitId: string, metric: string, outcome?: string) =>
      rows
        .filter((r) => r.key === unitId && r.metric === metric && (outcome === undefined || r.outcome === outcome))
        .reduce((s, r) => s + r.n, 0);
    const units = [...new Set(rows.map((r) => r.key))]
      .map((u) => ({ u, received: sum(u, 'dispatch-received') }))
      .filter((x) => x.received > 0);
    units.sort((a, b) => b.received - a.received || a.u.localeCompare(b.u));
    return {
      name: '被反映较多的单位',
      headers: ['单位', '转送交办收件', '不满意评价', '督办'],
      rows: units
        .slice(0, 20)
        .map(({ u, received }) => [directory.get(u)?.name ?? u, received, sum(u, 'rating-handling-unit', 'dissatisfied'), sum(u, 'order')]),
    };
  }

  private async grouped(
    column: string,
    division: string,
    period: KpiPeriod,
  ): Promise<Array<{ key: string; metric: string; outcome: string; n: number; persons: number }>> {
    const rows = await this.dataSource.query<Array<{ key: string; metric: string; outcome: string; n: string; persons: string }>>(
      `SELECT ${column} AS key, metric, outcome, sum(n) AS n, sum(persons) AS persons FROM kpi_daily
        WHERE day BETWEEN $1 AND $2 AND division LIKE $3 GROUP BY 1, metric, outcome`,
      [period.from, period.to, `${divisionPrefix(division)}%`],
    );
    return rows.map((r) => ({ key: String(r.key), metric: r.metric, outcome: r.outcome, n: Number(r.n), persons: Number(r.persons) }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  divisionPrefix,
  type KpiCounts,
  type KpiFigures,
  kpiFigures,
  type KpiPeriod,
  type KpiPeriodKind,
  kpiPeriodOf,
  type LocalDate,
  outsidePeerNorm,
} from '@sunshine/domain';
import { OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { KpiQueryService } from './kpi-query.service';

export interface UnitFigures {
  readonly unitId: string;
  readonly unitName: string | null;
  readonly unitKind: string | null;
  readonly figures: KpiFigures;
  /** Anti-gaming: the unit's handling-unit satisfaction lies outside the norm of the units of its kind. */
  readonly satisfactionOutsidePeerNorm: boolean;
}

/** Every unit's figures in a territory (the dashboard's table), with the anti-gaming signals beside them. */
@Injectable()
export class KpiUnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiQueryService,
    private readonly directory: OrgDirectorySource,
  ) {}

  async units(
    staff: StaffPrincipal,
    ask: { period: KpiPeriodKind; date: LocalDate; division?: string },
  ): Promise<{ period: KpiPeriod; units: UnitFigures[] }> {
    const subject = await this.kpis.subjectFor(staff, { division: ask.division });
    const period = kpiPeriodOf(ask.period, ask.date);
    // A caller who oversees no territory gets its own unit's row only.
    const rows = await this.dataSource.query<Array<{ unit_id: string; metric: string; outcome: string; n: string; persons: string }>>(
      `SELECT unit_id, metric, outcome, sum(n) AS n, sum(persons) AS persons FROM kpi_daily
        WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR division LIKE $3) AND ($4::text IS NULL OR unit_id = $4) GROUP BY unit_id, metric, outcome`,
      [
        period.from,
        period.to,
        subject.kind === 'territory' ? `${divisionPrefix(subject.division)}%` : null,
        subject.kind === 'unit' ? subject.unitId : null,
      ],
    );
    const byUnit = new Map<string, Record<string, Record<string, { n: number; persons: number }>>>();
    for (const r of rows) {
      const counts = byUnit.get(r.unit_id) ?? {};
      (counts[r.metric] ??= {})[r.outcome] = { n: Number(r.n), persons: Number(r.persons) };
      byUnit.set(r.unit_id, counts);
    }
    const directory = await this.directory.current();
    const units = [...byUnit.entries()]
      .map(([unitId, counts]) => ({ unitId, unit: directory.get(unitId), figures: kpiFigures(counts as KpiCounts) }))
      .sort((a, b) => a.unitId.localeCompare(b.unitId));
    const outside = new Set<string>();
    for (const kind of new Set(units.map((u) => u.unit?.kind ?? null))) {
      const peers = units.filter((u) => (u.unit?.kind ?? null) === kind);
      outsidePeerNorm(peers.map((u) => ({ id: u.unitId, rate: u.figures.satisfactionHandling.rate }))).forEach((id) => outside.add(id));
    }
    return {
      period,
      units: units.map((u) => ({
        unitId: u.unitId,
        unitName: u.unit?.name ?? null,
        unitKind: u.unit?.kind ?? null,
        figures: u.figures,
        satisfactionOutsidePeerNorm: outside.has(u.unitId),
      })),
    };
  }
}

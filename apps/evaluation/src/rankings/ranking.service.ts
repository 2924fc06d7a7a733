import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EvaluationPeriod, evaluationPeriodSchema } from '@sunshine/contracts';
import {
  cityDown,
  divisionContains,
  kpiFigures,
  type KpiPeriodKind,
  kpiPeriodOf,
  type LocalDate,
  mayReadFigures,
  type Ranking,
  rankScores,
  scoreOf,
} from '@sunshine/domain';
import {
  CaseVisibility,
  Clock,
  DomainException,
  newEvent,
  OrgDirectorySource,
  OutboxWriter,
  type StaffPrincipal,
} from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { KpiQueryService } from '../kpis/kpi-query.service';
import { ScoringSchemeStore } from './scoring-scheme.store';

export interface RankingAsk {
  readonly divisionCode: string;
  /** Who is ranked: the counties or the townships of the territory. */
  readonly level: 'county' | 'township';
  readonly period: KpiPeriodKind;
  readonly date: LocalDate;
}

/** A ranking under the scheme in force for the territory, as computed (not stored). */
export interface RankingPreview extends Ranking {
  readonly divisionCode: string;
  readonly level: RankingAsk['level'];
  readonly schemeId: string;
  readonly schemeVersion: number;
  readonly period: EvaluationPeriod;
}

export interface PublishedRanking extends RankingPreview {
  readonly id: string;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

const ALREADY_PUBLISHED = new DomainException('RANKING_PUBLISHED', 'conflict', {
  zh: '该期排名已发布',
  en: 'the ranking of this period is already published',
});

/** 双月排名 / 目标管理考评: the territories of a level scored by the jurisdiction's scheme, ranked, listed red and black. */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiQueryService,
    private readonly schemes: ScoringSchemeStore,
    private readonly directory: OrgDirectorySource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly visibility: CaseVisibility,
  ) {}

  /** The ranking as it stands (not stored). */
  async compute(staff: StaffPrincipal, ask: RankingAsk): Promise<RankingPreview> {
    await this.kpis.subjectFor(staff, { division: ask.divisionCode });
    const stored = await this.schemes.forDivision(ask.divisionCode);
    const period = kpiPeriodOf(ask.period, ask.date);
    const subjects = [
      ...new Set(
        (await this.directory.current()).units
          .filter((u) => u.level === ask.level && u.divisionCode !== ask.divisionCode && divisionContains(ask.divisionCode, u.divisionCode))
          .map((u) => u.divisionCode),
      ),
    ].sort();
    const scores = await Promise.all(
      subjects.map(async (d) => scoreOf(d, kpiFigures(await this.kpis.counts({ division: d }, period)), stored.scheme)),
    );
    return {
      ...rankScores(scores, stored.scheme.lists),
      divisionCode: ask.divisionCode,
      level: ask.level,
      schemeId: stored.id,
      schemeVersion: stored.version,
      period,
    };
  }

  /** Stores the ranking of the period once and announces it (`evaluation.ranking-published`); 409 when published. */
  async publish(staff: StaffPrincipal, ask: RankingAsk): Promise<PublishedRanking> {
    const r = await this.compute(staff, ask);
    const id = uuidv7();
    const at = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const inserted = await m.query<unknown[]>(
        `INSERT INTO rankings (id, division_code, level, scheme_id, scheme_version, period_kind, period_label, period_from, period_to, rows, red, black, published_by, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (division_code, level, scheme_id, period_kind, period_label) DO NOTHING RETURNING id`,
        [
          id,
          r.divisionCode,
          r.level,
          r.schemeId,
          r.schemeVersion,
          r.period.kind,
          r.period.label,
          r.period.from,
          r.period.to,
          JSON.stringify(r.rows),
          r.red,
          r.black,
          staff.subject,
          at,
        ],
      );
      if (inserted.length === 0) throw ALREADY_PUBLISHED;
      const event = newEvent(
        'evaluation.ranking-published',
        {
          rankingId: id,
          divisionCode: r.divisionCode,
          schemeId: r.schemeId,
          schemeVersion: r.schemeVersion,
          period: r.period,
          rows: r.rows.map((row) => ({ subject: row.subject, rank: row.rank, score: row.score })),
          red: [...r.red],
          black: [...r.black],
        },
        {
          jurisdiction: { place: cityDown(r.divisionCode), unit: cityDown(staff.divisionCode) },
          actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId },
          occurredAt: at,
        },
      );
      await this.outbox.append(m, event, r.divisionCode);
      return { ...r, id, publishedBy: staff.subject, publishedAt: at.toISOString() };
    });
  }

  /** Published rankings of the territories the caller may read figures of, newest first. */
  async list(staff: StaffPrincipal): Promise<PublishedRanking[]> {
    const viewer = await this.visibility.viewer(staff);
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT id, division_code, level, scheme_id, scheme_version, period_kind, period_label, to_char(period_from, 'YYYY-MM-DD') AS pf,
         to_char(period_to, 'YYYY-MM-DD') AS pt, rows, red, black, published_by, published_at FROM rankings ORDER BY published_at DESC LIMIT 200`,
    );
    return rows
      .filter((r) => mayReadFigures(viewer, { kind: 'territory', division: String(r['division_code']) }))
      .map((r) => ({
        id: String(r['id']),
        divisionCode: String(r['division_code']),
        level: r['level'] as RankingAsk['level'],
        schemeId: String(r['scheme_id']),
        schemeVersion: Number(r['scheme_version']),
        period: evaluationPeriodSchema.parse({ kind: r['period_kind'], label: r['period_label'], from: r['pf'], to: r['pt'] }),
        rows: r['rows'] as Ranking['rows'],
        red: r['red'] as string[],
        black: r['black'] as string[],
        publishedBy: String(r['published_by']),
        publishedAt: new Date(r['published_at'] as string).toISOString(),
      }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EvaluationPeriod, evaluationPeriodSchema, type ReportKind } from '@sunshine/contracts';
import type { DataSource, EntityManager } from 'typeorm';

import type { ReportContent } from './report-content';

export interface StoredReport {
  readonly id: string;
  readonly kind: ReportKind;
  readonly divisionCode: string;
  readonly period: EvaluationPeriod;
  readonly generatedAt: string;
}

const COLUMNS = `id, kind, division_code, period_kind, period_label, to_char(period_from, 'YYYY-MM-DD') AS pf, to_char(period_to, 'YYYY-MM-DD') AS pt, generated_at`;

function storedOf(r: Record<string, unknown>): StoredReport {
  return {
    id: String(r['id']),
    kind: r['kind'] as ReportKind,
    divisionCode: String(r['division_code']),
    period: evaluationPeriodSchema.parse({ kind: r['period_kind'], label: r['period_label'], from: r['pf'], to: r['pt'] }),
    generatedAt: new Date(r['generated_at'] as string).toISOString(),
  };
}

/** Stored reports: one per kind, territory and period (a rerun of the schedule stores nothing twice). */
@Injectable()
export class ReportStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True when stored now, false when the report of that kind, territory and period exists already. */
  async insert(m: EntityManager, r: StoredReport, content: ReportContent): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO reports (id, kind, division_code, period_kind, period_label, period_from, period_to, content, generated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (kind, division_code, period_label) DO NOTHING RETURNING id`,
      [r.id, r.kind, r.divisionCode, r.period.kind, r.period.label, r.period.from, r.period.to, JSON.stringify(content), r.generatedAt],
    );
    return rows.length > 0;
  }

  async list(kind?: ReportKind): Promise<StoredReport[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT ${COLUMNS} FROM reports WHERE ($1::text IS NULL OR kind = $1) ORDER BY period_from DESC, kind, division_code LIMIT 500`,
      [kind ?? null],
    );
    return rows.map(storedOf);
  }

  async get(id: string): Promise<{ report: StoredReport; content: ReportContent } | null> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(`SELECT ${COLUMNS}, content FROM reports WHERE id = $1`, [id]);
    const r = rows[0];
    return r ? { report: storedOf(r), content: r['content'] as ReportContent } : null;
  }
}

import type { Answer } from '../../api/answer';
import type { paths as EvaluationPaths } from '../../api/generated/evaluation';

// What the cockpit reads from the evaluation service's answers: the generated types of the success bodies it documents
// (GET /kpis, /kpis/cases); the rankings and reports below are not documented yet, so their interfaces
// name the fields the cockpit shows (their service types: PublishedRanking, StoredReport).

/** GET /api/evaluation/kpis: the figures of a period, with 环比 (previous) and 同比 (lastYear). */
export type KpiReport = Answer<EvaluationPaths, '/kpis', 'get'>;
export type KpiFigures = KpiReport['figures'];
export type Period = KpiReport['period'];

/** GET /api/evaluation/kpis/cases (one case behind a figure). */
export type FigureCase = Answer<EvaluationPaths, '/kpis/cases', 'get'>['items'][number];

export interface RankingRow {
  readonly subject: string;
  readonly score: number;
  readonly rank: number;
}

export interface Ranking {
  readonly id?: string;
  readonly divisionCode: string;
  readonly level: string;
  readonly period: Period;
  readonly rows: readonly RankingRow[];
  readonly red: readonly string[];
  readonly black: readonly string[];
  readonly publishedAt?: string;
}

export interface StoredReport {
  readonly id: string;
  readonly kind: 'daily' | 'weekly' | 'monthly' | 'annual';
  readonly divisionCode: string;
  readonly period: Period;
  readonly generatedAt: string;
}

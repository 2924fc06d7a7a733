import type { Answer } from '../../api/answer';
import type { paths as EvaluationPaths } from '../../api/generated/evaluation';

// What the cockpit reads from the evaluation service's answers: the generated types of the success bodies it documents
// (GET /kpis, /kpis/cases, /rankings/preview, /rankings, /reports).

/** GET /api/evaluation/kpis: the figures of a period, with 环比 (previous) and 同比 (lastYear). */
export type KpiReport = Answer<EvaluationPaths, '/kpis', 'get'>;
export type KpiFigures = KpiReport['figures'];
export type Period = KpiReport['period'];

/** GET /api/evaluation/kpis/cases (one case behind a figure). */
export type FigureCase = Answer<EvaluationPaths, '/kpis/cases', 'get'>['items'][number];

/** GET /api/evaluation/rankings/preview: the ranking as it stands under the scheme in force (not published). */
export type RankingPreview = Answer<EvaluationPaths, '/rankings/preview', 'get'>;

/** GET /api/evaluation/rankings (one published ranking, 红黑榜). */
export type PublishedRanking = Answer<EvaluationPaths, '/rankings', 'get'>[number];

/** GET /api/evaluation/reports (one stored report: 日报 / 周报 / 月报 / 年度报告). */
export type StoredReport = Answer<EvaluationPaths, '/reports', 'get'>[number];

/** The metric a figure counts (GET /kpis/cases?metric=…): its drill-down lists the cases behind it. */
export type FigureMetric = EvaluationPaths['/kpis/cases']['get']['parameters']['query']['metric'];

/** One part of a figure: a metric, narrowed to one outcome when given (a numerator such as 按期: reply / on-time). */
export interface FigurePart {
  readonly metric: FigureMetric;
  readonly outcome?: string;
}

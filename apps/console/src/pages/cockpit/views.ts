// What the cockpit reads from the evaluation service's answers (shapes of its KpiReport, UnitFigures, FigureCase,
// PublishedRanking and StoredReport; the OpenAPI document does not describe the success bodies yet).

export interface KpiRatio {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

export interface KpiFigures {
  readonly timelyAcceptance: KpiRatio;
  readonly onTimeReply: KpiRatio;
  readonly ratingParticipation: KpiRatio;
  readonly satisfactionHandling: KpiRatio;
  readonly satisfactionBureau: KpiRatio;
  readonly repeatRate: KpiRatio;
  readonly skipLevelShare: KpiRatio;
  readonly onceResolution: KpiRatio;
  readonly resolution: KpiRatio;
  readonly counts: { readonly cases: number; readonly persons: number; readonly collectiveCases: number; readonly overdue: number; readonly orders: number };
}

export interface Period {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface KpiReport {
  readonly period: Period;
  readonly figures: KpiFigures;
  readonly previous: { readonly period: Period; readonly figures: KpiFigures };
  readonly lastYear: { readonly period: Period; readonly figures: KpiFigures };
  readonly change: { readonly monthOnMonth: Record<string, number | null>; readonly yearOnYear: Record<string, number | null> };
}

export interface UnitFigures {
  readonly unitId: string;
  readonly unitName: string | null;
  readonly unitKind: string | null;
  readonly figures: KpiFigures;
  readonly satisfactionOutsidePeerNorm: boolean;
}

export interface FigureCase {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: string | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  readonly unitId: string;
  readonly day: string;
  readonly metric: string;
  readonly outcome: string;
  readonly persons: number;
}

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

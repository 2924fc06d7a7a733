import { z } from 'zod';

import { divisionCodeSchema, unitIdSchema, uuidSchema, vocabulary } from '../vocabulary/codes';
import { staffRefSchema } from './shared-refs.event';

const localDate = z.iso.date();

/** The calendar periods evaluation counts in (Asia/Shanghai): 日 / 周 / 月 / 双月 / 季 / 年. */
export const [EvaluationPeriodKinds, evaluationPeriodKindSchema] = vocabulary(['day', 'week', 'month', 'bi-month', 'quarter', 'year']);
export type EvaluationPeriodKind = z.infer<typeof evaluationPeriodKindSchema>;

/** One calendar period: its kind, label (e.g. `2026-B6`, `2026-Q4`) and first and last days (both counted). */
export const evaluationPeriodSchema = z.object({
  kind: evaluationPeriodKindSchema,
  label: z.string().min(4).max(12),
  from: localDate,
  to: localDate,
});
export type EvaluationPeriod = z.infer<typeof evaluationPeriodSchema>;

/**
 * `evaluation.staff-flagged` v1 — 满意度评议: a staff member was rated 不满意 on `streak` consecutive cases they handled
 * within the quarter (two or more: seed 000, 季度评议), once per staff member and quarter. Case ids only.
 */
export const evaluationStaffFlaggedV1 = z.object({
  flagId: uuidSchema,
  staffId: staffRefSchema,
  unitId: unitIdSchema,
  quarter: evaluationPeriodSchema,
  streak: z.number().int().min(2),
  caseIds: z.array(uuidSchema).min(2).max(100),
});
export type EvaluationStaffFlagged = z.infer<typeof evaluationStaffFlaggedV1>;

/**
 * `evaluation.ranking-published` v1 — 考核排名 (双月排名, 目标管理考评): the territories under `divisionCode` ranked for the
 * period by a scoring scheme's version, with the red (红榜) and black (黑榜) lists.
 */
export const evaluationRankingPublishedV1 = z.object({
  rankingId: uuidSchema,
  divisionCode: divisionCodeSchema,
  schemeId: z.string().min(1).max(60),
  schemeVersion: z.number().int().min(1),
  period: evaluationPeriodSchema,
  rows: z.array(z.object({ subject: divisionCodeSchema, rank: z.number().int().min(1), score: z.number() })).max(500),
  red: z.array(divisionCodeSchema).max(50),
  black: z.array(divisionCodeSchema).max(50),
});
export type EvaluationRankingPublished = z.infer<typeof evaluationRankingPublishedV1>;

/** 日报 / 周报 / 月报 / 年度报告 (《信访工作条例》第41条). */
export const [ReportKinds, reportKindSchema] = vocabulary(['daily', 'weekly', 'monthly', 'annual']);
export type ReportKind = z.infer<typeof reportKindSchema>;

/** `evaluation.report-ready` v1 — a periodic report of the territory under `divisionCode` is stored and can be downloaded. */
export const evaluationReportReadyV1 = z.object({
  reportId: uuidSchema,
  kind: reportKindSchema,
  divisionCode: divisionCodeSchema,
  period: evaluationPeriodSchema,
  formats: z.array(z.enum(['xlsx', 'html'])).min(1),
});
export type EvaluationReportReady = z.infer<typeof evaluationReportReadyV1>;

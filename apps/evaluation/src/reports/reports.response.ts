import { evaluationPeriodSchema, reportKindSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { StoredReport } from './report.store';
import type { ReportContent } from './report-content';

/** One stored report (日报 / 周报 / 月报 / 年度报告) of a territory and period. */
export const storedReportSchema = z.object({
  id: z.uuid(),
  kind: reportKindSchema.describe('日报 daily / 周报 weekly / 月报 monthly / 年度报告 annual'),
  divisionCode: z.string().describe('辖区 / the territory'),
  period: evaluationPeriodSchema,
  generatedAt: z.string(),
});

/** GET /reports: the reports of the caller's territory. */
export const storedReportListSchema = z.array(storedReportSchema);

/** What a report holds: its title and tables (zh-CN headers), as the workbook and the printed page show them. */
export const reportContentSchema = z.object({
  title: z.string(),
  tables: z.array(
    z.object({
      name: z.string().describe('表名（Excel 中的一页） / the table, a sheet of the workbook'),
      headers: z.array(z.string()),
      rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
    }),
  ),
});

/** GET /reports/{id}: the report and its content. */
export const reportWithContentSchema = z.object({ report: storedReportSchema, content: reportContentSchema });

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type StoredReportDocumented = AssertTrue<ResponseMatches<StoredReport, typeof storedReportSchema>>;
export type ReportContentDocumented = AssertTrue<ResponseMatches<ReportContent, typeof reportContentSchema>>;

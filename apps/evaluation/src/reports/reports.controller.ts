import { Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { divisionCodeSchema, reportKindSchema } from '@sunshine/contracts';
import { localDateSchema } from '@sunshine/domain';
import { Clock, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { FIGURE_ROLES } from '../kpis/kpi-ask.schema';
import { ReportService } from './report.service';
import type { StoredReport } from './report.store';
import type { ReportContent } from './report-content';
import { reportHtml, reportXlsx } from './report-render';
import { reportWithContentSchema, storedReportListSchema, storedReportSchema } from './reports.response';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

const listSchema = z.object({ kind: reportKindSchema.optional() });
const requestSchema = z.object({
  kind: reportKindSchema.describe('日报 daily / 周报 weekly / 月报 monthly / 年度报告 annual'),
  divisionCode: divisionCodeSchema,
  date: localDateSchema.describe('报告期内任一日 Any day of the period'),
});
type ListQuery = z.infer<typeof listSchema>;
type RequestBody = z.infer<typeof requestSchema>;

@StaffController('reports', 'reports 报表')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly clock: Clock,
  ) {}

  @StaffRoute('GET', '', { roles: FIGURE_ROLES, summary: '辖区报告列表（日报、周报、月报、年度报告） The reports of my territory' })
  @ZodResponse(storedReportListSchema)
  list(@ZodQuery(listSchema) q: ListQuery, @Staff() staff: StaffPrincipal): Promise<StoredReport[]> {
    return this.reports.list(staff, q.kind);
  }

  @StaffRoute('POST', '', { roles: ['head', 'supervisor'], summary: '立即生成一期报告 Generate the report of a period now' })
  @ZodResponse(storedReportSchema, { status: 201 })
  request(@ZodBody(requestSchema) body: RequestBody, @Staff() staff: StaffPrincipal): Promise<StoredReport> {
    return this.reports.request(staff, body, this.clock.now());
  }

  @StaffRoute('GET', ':id', { roles: FIGURE_ROLES, summary: '报告内容（JSON） One report' })
  @ZodResponse(reportWithContentSchema)
  get(@Param('id', ParseUUIDPipe) id: string, @Staff() staff: StaffPrincipal): Promise<{ report: StoredReport; content: ReportContent }> {
    return this.reports.get(staff, id);
  }

  @StaffRoute('GET', ':id/xlsx', { roles: FIGURE_ROLES, summary: '下载 Excel（每表一页） Download as xlsx, one sheet per table' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
    @Staff() staff: StaffPrincipal,
  ): Promise<Buffer> {
    const { report, content } = await this.reports.get(staff, id);
    const file = await reportXlsx(content);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="report-${report.kind}-${report.divisionCode}-${report.period.label}.xlsx"`);
    return file;
  }

  @StaffRoute('GET', ':id/html', { roles: FIGURE_ROLES, summary: '打印版报告 (HTML, zh-CN) The report for print' })
  @ApiProduces('text/html')
  async html(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
    @Staff() staff: StaffPrincipal,
  ): Promise<string> {
    const html = reportHtml((await this.reports.get(staff, id)).content);
    // Set once rendered: a header set before an error makes Fastify refuse the JSON error body.
    reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  }
}

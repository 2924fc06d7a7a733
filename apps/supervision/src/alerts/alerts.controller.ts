import { Param, ParseUUIDPipe } from '@nestjs/common';
import { reasonSchema, urgentMatterKindSchema } from '@sunshine/contracts';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { alertListSchema, reportedUpSchema } from './alerts.response';
import { AlertsService, type AlertView } from './alerts.service';

const listSchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const reportSchema = z.object({ kind: urgentMatterKindSchema, reason: reasonSchema });
type ListQuery = z.infer<typeof listSchema>;
type ReportBody = z.infer<typeof reportSchema>;

@StaffController('', 'early warnings 预警')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @StaffRoute('GET', 'alerts', { summary: '辖区预警 Early warnings of my territory (collective visits, spikes, urgent matters)' })
  @ZodResponse(alertListSchema)
  list(@ZodQuery(listSchema) q: ListQuery, @Staff() staff: StaffPrincipal): Promise<AlertView[]> {
    return this.alerts.list(staff, q.limit);
  }

  @StaffRoute('POST', 'cases/:caseId/report-up', {
    status: 200,
    roles: ['supervisor', 'head', 'leader', 'dispatcher'],
    summary: '重大紧急事项立即上报 Report an urgent matter up at once (Art 25; bureaus)',
  })
  @ZodResponse(reportedUpSchema)
  report(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(reportSchema) body: ReportBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<{ toUnitIds: string[] }> {
    return this.alerts.report(staff, caseId, body);
  }
}

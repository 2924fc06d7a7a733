import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { reasonSchema, urgentMatterKindSchema } from '@sunshine/contracts';
import { ApiErrorResponses, Roles, Staff, ZodBody, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { AlertsService, type AlertView } from './alerts.service';

const listSchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const reportSchema = z.object({ kind: urgentMatterKindSchema, reason: reasonSchema });

@ApiTags('early warnings 预警')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @ApiOperation({ summary: '辖区预警 Early warnings of my territory (collective visits, spikes, urgent matters)' })
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>, @Staff() staff: StaffPrincipal): Promise<AlertView[]> {
    return this.alerts.list(staff, q.limit);
  }

  @Post('cases/:caseId/report-up')
  @HttpCode(200)
  @Roles('supervisor', 'head', 'leader', 'dispatcher')
  @ApiOperation({ summary: '重大紧急事项立即上报 Report an urgent matter up at once (Art 25; bureaus)' })
  report(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(reportSchema) body: z.infer<typeof reportSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<{ toUnitIds: string[] }> {
    return this.alerts.report(staff, caseId, body);
  }
}

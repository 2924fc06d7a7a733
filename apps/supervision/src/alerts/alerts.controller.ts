import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { reasonSchema, urgentMatterKindSchema } from '@sunshine/contracts';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { requireRole, requireStaff } from '../shared/staff';
import { AlertsService, type AlertView } from './alerts.service';

const listSchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const reportSchema = z.object({ kind: urgentMatterKindSchema, reason: reasonSchema });

@ApiTags('early warnings 预警')
@ApiBearerAuth()
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @ApiOperation({ summary: '辖区预警 Early warnings of my territory (collective visits, spikes, urgent matters)' })
  list(@Query(new ZodPipe(listSchema)) q: z.infer<typeof listSchema>, @CurrentStaff() staff?: StaffPrincipal): Promise<AlertView[]> {
    return this.alerts.list(requireStaff(staff), q.limit);
  }

  @Post('cases/:caseId/report-up')
  @HttpCode(200)
  @ApiOperation({ summary: '重大紧急事项立即上报 Report an urgent matter up at once (Art 25; bureaus)' })
  report(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body(new ZodPipe(reportSchema)) body: z.infer<typeof reportSchema>,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<{ toUnitIds: string[] }> {
    return this.alerts.report(requireRole(staff, ['supervisor', 'head', 'leader', 'dispatcher']), caseId, body);
  }
}

import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, IfMatchVersion, Roles, Staff, ZodBody, type StaffPrincipal } from '@sunshine/platform';
import type { ActionResult } from '../cases/case-action.runner';
import {
  addAssistingUnitSchema,
  approveExtensionSchema,
  hearingSchema,
  rejectExtensionSchema,
  requestExtensionSchema,
  writtenTextSchema,
  type AddAssistingUnitDto,
  type ApproveExtensionDto,
  type HearingDto,
  type RejectExtensionDto,
  type RequestExtensionDto,
  type WrittenTextDto,
} from './unit-actions.dto';
import { UnitActionsService } from './unit-actions.service';
import { WrittenReportsService } from './written-reports.service';

/** 办理：开始办理、听证、延期、协办、办结报告. */
@ApiTags('unit actions 承办')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('cases/:caseId')
export class HandlingActionsController {
  constructor(
    private readonly actions: UnitActionsService,
    private readonly reports: WrittenReportsService,
  ) {}

  @Post('start-handling')
  @HttpCode(200)
  @Roles('handler', 'head')
  @ApiOperation({ summary: '开始办理 (case.handling-started)' })
  start(@Param('caseId', ParseUUIDPipe) caseId: string, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal): Promise<ActionResult> {
    return this.actions.startHandling(caseId, staff, v);
  }

  @Post('hearing/start')
  @HttpCode(200)
  @Roles('handler', 'head')
  @ApiOperation({ summary: '听证开始 (case.hearing-started; hearing time does not count, Art 36)' })
  hearingStart(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(hearingSchema) dto: HearingDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.actions.hearing(caseId, staff, 'start', dto, v);
  }

  @Post('hearing/end')
  @HttpCode(200)
  @Roles('handler', 'head')
  @ApiOperation({ summary: '听证结束 (case.hearing-ended)' })
  hearingEnd(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(hearingSchema) dto: HearingDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.actions.hearing(caseId, staff, 'end', dto, v);
  }

  @Post('extension')
  @HttpCode(200)
  @Roles('handler', 'head')
  @ApiOperation({ summary: '申请延期（合计不超过30日，Art 34） (case.extension-requested)' })
  requestExtension(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(requestExtensionSchema) dto: RequestExtensionDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.actions.requestExtension(caseId, staff, dto, v);
  }

  @Post('extension/approve')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({ summary: '负责人批准延期 (case.extension-approved)' })
  approveExtension(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(approveExtensionSchema) dto: ApproveExtensionDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.actions.approveExtension(caseId, staff, dto, v);
  }

  @Post('extension/reject')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({ summary: '负责人不予延期 (case.extension-rejected)' })
  rejectExtension(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(rejectExtensionSchema) dto: RejectExtensionDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.actions.rejectExtension(caseId, staff, dto, v);
  }

  @Post('assisting-units')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({ summary: '增加协办单位（主办/协办） (case.assisting-unit-added)' })
  addAssisting(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(addAssistingUnitSchema) dto: AddAssistingUnitDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.actions.addAssistingUnit(caseId, staff, dto, v);
  }

  @Post('assist-contributions')
  @HttpCode(200)
  @Roles('handler', 'head')
  @ApiOperation({ summary: '协办单位提交协办意见 (case.assist-contributed)' })
  contribute(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(writtenTextSchema) dto: WrittenTextDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.reports.contributeAssist(caseId, staff, dto, v);
  }

  @Post('assignment-report')
  @HttpCode(200)
  @Roles('handler', 'head')
  @ApiOperation({ summary: '交办事项办结报告 (case.assignment-report-submitted, Art 22)' })
  report(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(writtenTextSchema) dto: WrittenTextDto, @IfMatchVersion() v: number, @Staff() staff: StaffPrincipal) {
    return this.reports.assignmentReport(caseId, staff, dto, v);
  }
}

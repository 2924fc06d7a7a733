import { Param, ParseUUIDPipe } from '@nestjs/common';
import { UNIT_ACTION_ROLES } from '@sunshine/domain';
import { type ExpectedVersion, IfMatchVersion, Staff, StaffController, type StaffPrincipal, ZodBody } from '@sunshine/platform';

import { CaseAction } from '../cases/case-action.decorator';
import type { ActionResult } from '../cases/case-action.runner';
import {
  type AddAssistingUnitDto,
  addAssistingUnitSchema,
  type ApproveExtensionDto,
  approveExtensionSchema,
  type HearingDto,
  hearingSchema,
  type RejectExtensionDto,
  rejectExtensionSchema,
  type RequestExtensionDto,
  requestExtensionSchema,
  type WrittenTextDto,
  writtenTextSchema,
} from './unit-actions.dto';
import { UnitActionsService } from './unit-actions.service';
import { WrittenReportsService } from './written-reports.service';

/** 办理：开始办理、听证、延期、协办、办结报告. */
@StaffController('cases/:caseId', 'unit actions 承办')
export class HandlingActionsController {
  constructor(
    private readonly actions: UnitActionsService,
    private readonly reports: WrittenReportsService,
  ) {}

  @CaseAction('start-handling', UNIT_ACTION_ROLES['start-handling'], '开始办理 (case.handling-started)')
  start(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.actions.startHandling(caseId, staff, v);
  }

  @CaseAction('hearing/start', UNIT_ACTION_ROLES['start-hearing'], '听证开始 (case.hearing-started; hearing time does not count, Art 36)')
  hearingStart(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(hearingSchema) dto: HearingDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.hearing(caseId, staff, 'start', dto, v);
  }

  @CaseAction('hearing/end', UNIT_ACTION_ROLES['end-hearing'], '听证结束 (case.hearing-ended)')
  hearingEnd(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(hearingSchema) dto: HearingDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.hearing(caseId, staff, 'end', dto, v);
  }

  @CaseAction('extension', UNIT_ACTION_ROLES['request-extension'], '申请延期（合计不超过30日，Art 34） (case.extension-requested)')
  requestExtension(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(requestExtensionSchema) dto: RequestExtensionDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.requestExtension(caseId, staff, dto, v);
  }

  @CaseAction('extension/approve', UNIT_ACTION_ROLES['approve-extension'], '负责人批准延期 (case.extension-approved)')
  approveExtension(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(approveExtensionSchema) dto: ApproveExtensionDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.approveExtension(caseId, staff, dto, v);
  }

  @CaseAction('extension/reject', UNIT_ACTION_ROLES['reject-extension'], '负责人不予延期 (case.extension-rejected)')
  rejectExtension(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(rejectExtensionSchema) dto: RejectExtensionDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.rejectExtension(caseId, staff, dto, v);
  }

  @CaseAction('assisting-units', UNIT_ACTION_ROLES['add-assisting-unit'], '增加协办单位（主办/协办） (case.assisting-unit-added)')
  addAssisting(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(addAssistingUnitSchema) dto: AddAssistingUnitDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.addAssistingUnit(caseId, staff, dto, v);
  }

  @CaseAction('assist-contributions', UNIT_ACTION_ROLES['contribute-assist'], '协办单位提交协办意见 (case.assist-contributed)')
  contribute(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(writtenTextSchema) dto: WrittenTextDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.reports.contributeAssist(caseId, staff, dto, v);
  }

  @CaseAction(
    'assignment-report',
    UNIT_ACTION_ROLES['submit-assignment-report'],
    '交办事项办结报告 (case.assignment-report-submitted, Art 22)',
  )
  report(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(writtenTextSchema) dto: WrittenTextDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.reports.assignmentReport(caseId, staff, dto, v);
  }
}

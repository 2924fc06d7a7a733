import { Param, ParseUUIDPipe } from '@nestjs/common';
import { UNIT_ACTION_ROLES } from '@sunshine/domain';
import { type ExpectedVersion, IfMatchVersion, Staff, StaffController, type StaffPrincipal, ZodBody } from '@sunshine/platform';

import { CaseAction } from '../cases/case-action.decorator';
import type { ActionResult } from '../cases/case-action.runner';
import { ObjectionService } from './objection.service';
import {
  type ApproveObjectionDto,
  approveObjectionSchema,
  type RaiseObjectionDto,
  raiseObjectionSchema,
  type RejectObjectionDto,
  rejectObjectionSchema,
} from './unit-actions.dto';

@StaffController('cases/:caseId/objection', 'objection 异议')
export class ObjectionController {
  constructor(private readonly objections: ObjectionService) {}

  @CaseAction('', UNIT_ACTION_ROLES['raise-objection'], '提出异议（5个工作日内，详细理由） (case.objection-raised, Art 23)')
  raise(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(raiseObjectionSchema) dto: RaiseObjectionDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.objections.raise(caseId, staff, dto, v);
  }

  @CaseAction('approve', UNIT_ACTION_ROLES['approve-objection'], '异议成立，退回重新分办（可同时转送/交办） (case.objection-approved)')
  approve(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(approveObjectionSchema) dto: ApproveObjectionDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.objections.approve(caseId, staff, dto, v);
  }

  @CaseAction('reject', UNIT_ACTION_ROLES['reject-objection'], '异议不成立，原单位继续办理 (case.objection-rejected)')
  reject(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(rejectObjectionSchema) dto: RejectObjectionDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.objections.reject(caseId, staff, dto, v);
  }
}

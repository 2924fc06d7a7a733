import { Param, ParseUUIDPipe } from '@nestjs/common';
import { UNIT_ACTION_ROLES } from '@sunshine/domain';
import { type ExpectedVersion, IfMatchVersion, Staff, StaffController, type StaffPrincipal, ZodBody } from '@sunshine/platform';

import { CaseAction, HEAD_DECISION } from '../cases/case-action.decorator';
import type { ActionResult } from '../cases/case-action.runner';
import {
  type AcceptDto,
  acceptSchema,
  type AssignHandlerDto,
  assignHandlerSchema,
  type CloseDto,
  closeSchema,
  type NotAcceptDto,
  notAcceptSchema,
} from './unit-actions.dto';
import { UnitActionsService } from './unit-actions.service';

/** 签收、经办人、受理 / 不予受理、办结 / 终结. Every action needs the case version (If-Match or expectedVersion). */
@StaffController('cases/:caseId', 'unit actions 承办')
export class ReceiptActionsController {
  constructor(private readonly actions: UnitActionsService) {}

  @CaseAction('sign', UNIT_ACTION_ROLES.sign, '签收 (case.signed) Sign for a case the unit received')
  sign(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.actions.sign(caseId, staff, v);
  }

  @CaseAction('handler', UNIT_ACTION_ROLES['assign-handler'], '确定经办人 (case.handler-assigned) The head names the handler')
  handler(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(assignHandlerSchema) dto: AssignHandlerDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.assignHandler(caseId, staff, dto, v);
  }

  @CaseAction('accept', UNIT_ACTION_ROLES.accept, '受理 (case.accepted) with the claim route (Art 31); issues the 受理告知书')
  accept(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(acceptSchema) dto: AcceptDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.accept(caseId, staff, dto, v);
  }

  @CaseAction(
    'not-accept',
    UNIT_ACTION_ROLES['not-accept'],
    '负责人决定不予受理 (case.not-accepted) with the reason and the proper channel; issues the 不予受理告知书',
    HEAD_DECISION,
  )
  notAccept(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(notAcceptSchema) dto: NotAcceptDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.notAccept(caseId, staff, dto, v);
  }

  @CaseAction('close', UNIT_ACTION_ROLES.close, '办结 (case.closed): a case not accepted, or answered with no review chain')
  close(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(closeSchema) dto: CloseDto,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.actions.close(caseId, staff, dto, v);
  }

  @CaseAction('finalize', UNIT_ACTION_ROLES.finalize, '复核终结，不再受理 (case.finalized, Art 36)')
  finalize(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @IfMatchVersion() v: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.actions.finalize(caseId, staff, v);
  }
}

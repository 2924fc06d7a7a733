import { Param, ParseUUIDPipe } from '@nestjs/common';
import { UNIT_ACTION_ROLES } from '@sunshine/domain';
import {
  type ExpectedVersion,
  IfMatchVersion,
  Staff,
  StaffController,
  type StaffPrincipal,
  StaffRoute,
  ZodBody,
  ZodQuery,
  ZodResponse,
} from '@sunshine/platform';
import { z } from 'zod';

import {
  type RedispatchDto,
  redispatchSchema,
  type RequireManualDispatchDto,
  requireManualDispatchSchema,
} from '../actions/unit-actions.dto';
import { CaseAction } from '../cases/case-action.decorator';
import type { ActionResult } from '../cases/case-action.runner';
import { deskPageSchema } from './desk.response';
import { type DeskItem, DeskService } from './desk.service';

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

@StaffController('', 'desk 人工分办')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @StaffRoute('GET', 'desk', { summary: '本信访部门的人工分办台：无规则可依、待审核异议、异议成立退回、两次异议（推诿）' })
  @ZodResponse(deskPageSchema)
  list(@ZodQuery(pageSchema) q: z.infer<typeof pageSchema>, @Staff() staff: StaffPrincipal): Promise<{ items: DeskItem[]; total: number }> {
    return this.desk.list(staff, q.limit, q.offset);
  }

  @CaseAction(
    'cases/:caseId/dispatch',
    UNIT_ACTION_ROLES.dispatch,
    '人工转送/交办 (case.dispatched) Dispatch by hand from the desk; a unit that is not a bureau forwards its direct petition to the bureau of its level',
  )
  dispatch(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(redispatchSchema) dto: RedispatchDto,
    @IfMatchVersion() version: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.desk.dispatch(caseId, staff, dto, version);
  }

  @CaseAction(
    'cases/:caseId/require-manual-dispatch',
    UNIT_ACTION_ROLES['require-manual-dispatch'],
    '转人工分办 (case.manual-dispatch-required) The bureau holding the case puts it on its desk for a person, with the reason',
  )
  requireManual(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(requireManualDispatchSchema) dto: RequireManualDispatchDto,
    @IfMatchVersion() version: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.desk.requireManual(caseId, staff, dto, version);
  }
}

import { Param, ParseUUIDPipe } from '@nestjs/common';
import { IfMatchVersion, Staff, StaffController, StaffRoute, ZodBody, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { redispatchSchema, type RedispatchDto } from '../actions/unit-actions.dto';
import { CaseAction } from '../cases/case-action.decorator';
import type { ActionResult } from '../cases/case-action.runner';
import { DeskService, type DeskItem } from './desk.service';

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

@StaffController('', 'desk 人工分办')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @StaffRoute('GET', 'desk', { summary: '本信访部门的人工分办台：无规则可依、待审核异议、异议成立退回、两次异议（推诿）' })
  list(@ZodQuery(pageSchema) q: z.infer<typeof pageSchema>, @Staff() staff: StaffPrincipal): Promise<{ items: DeskItem[]; total: number }> {
    return this.desk.list(staff, q.limit, q.offset);
  }

  @CaseAction('cases/:caseId/dispatch', ['dispatcher', 'head'], '人工转送/交办 (case.dispatched) Dispatch by hand from the desk')
  dispatch(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(redispatchSchema) dto: RedispatchDto,
    @IfMatchVersion() version: number,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.desk.dispatch(caseId, staff, dto, version);
  }
}

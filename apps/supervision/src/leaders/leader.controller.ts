import { Param, ParseUUIDPipe } from '@nestjs/common';
import { reasonSchema, staffRefSchema } from '@sunshine/contracts';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { leaderCaseListSchema } from './leader.response';
import { type LeaderCase, LeaderService } from './leader.service';

const assignSchema = z.object({
  /** The leader's staff subject in routing's staff register (role `leader`); the caller by default (a leader taking a case). */
  leaderRef: staffRefSchema.optional(),
  reason: reasonSchema.optional(),
});
type AssignBody = z.infer<typeof assignSchema>;

@StaffController('', 'leader in charge 领导包案')
export class LeaderController {
  constructor(private readonly leaders: LeaderService) {}

  @StaffRoute('POST', 'cases/:caseId/leader', {
    roles: ['leader', 'head', 'supervisor'],
    summary:
      '领导包案（领导须为在册领导干部，所在单位即包案单位） Assign a leader in charge: a registered staff user with the leader role, whose unit is the leader unit',
  })
  assign(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(assignSchema) body: AssignBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<LeaderCase> {
    return this.leaders.assign(staff, caseId, body);
  }

  @StaffRoute('GET', 'leader/cases', { summary: '我包案的事项 The cases I am in charge of (leader’s list)' })
  @ZodResponse(leaderCaseListSchema)
  mine(@Staff() staff: StaffPrincipal): Promise<LeaderCase[]> {
    return this.leaders.list(staff);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { reasonSchema, staffRefSchema } from '@sunshine/contracts';
import { ApiErrorResponses, Roles, Staff, ZodBody, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { LeaderService, type LeaderCase } from './leader.service';

const assignSchema = z.object({
  /** The leader's staff subject; the caller by default (a leader taking a case). */
  leaderRef: staffRefSchema.optional(),
  reason: reasonSchema.optional(),
});

@ApiTags('leader in charge 领导包案')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller()
export class LeaderController {
  constructor(private readonly leaders: LeaderService) {}

  @Post('cases/:caseId/leader')
  @Roles('leader', 'head', 'supervisor')
  @ApiOperation({ summary: '领导包案 Assign a leader in charge of a case' })
  assign(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(assignSchema) body: z.infer<typeof assignSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<LeaderCase> {
    return this.leaders.assign(staff, caseId, body);
  }

  @Get('leader/cases')
  @ApiOperation({ summary: '我包案的事项 The cases I am in charge of (leader’s list)' })
  mine(@Staff() staff: StaffPrincipal): Promise<LeaderCase[]> {
    return this.leaders.list(staff);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { reasonSchema, staffRefSchema } from '@sunshine/contracts';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { requireRole, requireStaff } from '../shared/staff';
import { LeaderService, type LeaderCase } from './leader.service';

const assignSchema = z.object({
  /** The leader's staff subject; the caller by default (a leader taking a case). */
  leaderRef: staffRefSchema.optional(),
  reason: reasonSchema.optional(),
});

@ApiTags('leader in charge 领导包案')
@ApiBearerAuth()
@Controller()
export class LeaderController {
  constructor(private readonly leaders: LeaderService) {}

  @Post('cases/:caseId/leader')
  @ApiOperation({ summary: '领导包案 Assign a leader in charge of a case' })
  assign(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body(new ZodPipe(assignSchema)) body: z.infer<typeof assignSchema>,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<LeaderCase> {
    return this.leaders.assign(requireRole(staff, ['leader', 'head', 'supervisor']), caseId, body);
  }

  @Get('leader/cases')
  @ApiOperation({ summary: '我包案的事项 The cases I am in charge of (leader’s list)' })
  mine(@CurrentStaff() staff?: StaffPrincipal): Promise<LeaderCase[]> {
    return this.leaders.list(requireStaff(staff));
  }
}

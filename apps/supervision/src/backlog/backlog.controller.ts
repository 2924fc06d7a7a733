import { Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { reasonSchema } from '@sunshine/contracts';
import { ApiErrorResponses, Roles, Staff, ZodBody, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { BacklogRegisterService, type BacklogView } from './backlog-register.service';

const planSchema = z.object({
  plan: z.string().trim().min(2).max(2000),
  planDueDate: z.iso.date().optional(),
  unitId: z.string().min(3).max(96).optional(),
});
const registerSchema = planSchema.extend({ reason: reasonSchema });
const listSchema = z.object({ status: z.enum(['registered', 'cleared']).optional() });

@ApiTags('backlog 积案')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller()
export class BacklogController {
  constructor(private readonly register: BacklogRegisterService) {}

  @Get('backlog')
  @ApiOperation({ summary: '积案台账 The backlog register of my jurisdiction' })
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>, @Staff() staff: StaffPrincipal): Promise<BacklogView[]> {
    return this.register.list(staff, q.status);
  }

  @Post('cases/:caseId/backlog')
  @Roles('supervisor', 'head', 'leader')
  @ApiOperation({ summary: '列入积案（含化解方案、责任单位） Put a case on the register with a plan and a responsible unit' })
  add(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(registerSchema) body: z.infer<typeof registerSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<BacklogView> {
    return this.register.registerByHand(staff, caseId, body);
  }

  @Put('cases/:caseId/backlog/plan')
  @Roles('supervisor', 'head', 'leader', 'handler')
  @ApiOperation({ summary: '更新化解方案 Update the plan (不化解不销号: no manual removal)' })
  plan(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(planSchema) body: z.infer<typeof planSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<BacklogView> {
    return this.register.updatePlan(staff, caseId, body);
  }
}

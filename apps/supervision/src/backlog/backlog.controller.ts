import { Param, ParseUUIDPipe } from '@nestjs/common';
import { reasonSchema } from '@sunshine/contracts';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { backlogListSchema, backlogViewSchema } from './backlog.response';
import { BacklogRegisterService, type BacklogView } from './backlog-register.service';

const planSchema = z.object({
  plan: z.string().trim().min(2).max(2000),
  planDueDate: z.iso.date().optional(),
  unitId: z.string().min(3).max(96).optional(),
});
const registerSchema = planSchema.extend({ reason: reasonSchema });
/** A plan update names what changes; anything left out stays as it is (`planDueDate: null` clears the date). */
const planUpdateSchema = z
  .object({ plan: planSchema.shape.plan.optional(), planDueDate: z.iso.date().nullable().optional(), unitId: planSchema.shape.unitId })
  .refine((b) => b.plan !== undefined || b.planDueDate !== undefined || b.unitId !== undefined, {
    message: 'name at least one of plan, planDueDate, unitId',
  });
const listSchema = z.object({ status: z.enum(['registered', 'cleared']).optional() });
type PlanBody = z.infer<typeof planUpdateSchema>;
type RegisterBody = z.infer<typeof registerSchema>;

@StaffController('', 'backlog 积案')
export class BacklogController {
  constructor(private readonly register: BacklogRegisterService) {}

  @StaffRoute('GET', 'backlog', { summary: '积案台账 The backlog register of my jurisdiction' })
  @ZodResponse(backlogListSchema)
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>, @Staff() staff: StaffPrincipal): Promise<BacklogView[]> {
    return this.register.list(staff, q.status);
  }

  @StaffRoute('POST', 'cases/:caseId/backlog', {
    roles: ['supervisor', 'head', 'leader'],
    summary: '列入积案（含化解方案、责任单位） Put a case on the register with a plan and a responsible unit',
  })
  @ZodResponse(backlogViewSchema, { status: 201 })
  add(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(registerSchema) body: RegisterBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<BacklogView> {
    return this.register.registerByHand(staff, caseId, body);
  }

  @StaffRoute('PUT', 'cases/:caseId/backlog/plan', {
    roles: ['supervisor', 'head', 'leader', 'handler'],
    summary: '更新化解方案（只改所列字段） Update the plan: only the fields given change (不化解不销号: no manual removal)',
  })
  plan(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(planUpdateSchema) body: PlanBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<BacklogView> {
    return this.register.updatePlan(staff, caseId, body);
  }
}

import { uuidSchema } from '@sunshine/contracts';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { EscalationQueryService, type EscalationView } from './escalation-query.service';
import { escalationListSchema } from './escalation-view.response';

const querySchema = z.object({ caseId: uuidSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

@StaffController('escalations', 'supervision orders 督办')
export class EscalationsController {
  constructor(private readonly escalations: EscalationQueryService) {}

  @StaffRoute('GET', '', { summary: '提级督办记录 Escalations of cases in my jurisdiction' })
  @ZodResponse(escalationListSchema)
  list(@ZodQuery(querySchema) q: z.infer<typeof querySchema>, @Staff() staff: StaffPrincipal): Promise<EscalationView[]> {
    return this.escalations.list(staff, q);
  }
}

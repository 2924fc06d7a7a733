import { isoInstantSchema, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { clockListSchema } from './clock-view.response';
import { type ClockListItem, ClocksQueryService } from './clocks-query.service';

const statuses = ['running', 'paused', 'overdue', 'satisfied', 'ended', 'expired', 'lapsed'] as const;
const querySchema = z.object({
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(statuses)))
    .optional(),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,47}$/)
    .optional(),
  unitId: z.string().min(3).max(96).optional(),
  dueBefore: isoInstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

@StaffController('clocks', 'deadlines 期限')
export class ClocksController {
  constructor(private readonly clocks: ClocksQueryService) {}

  @StaffRoute('GET', '', { summary: '期限台账 Clocks in my jurisdiction (e.g. ?status=overdue: the overdue list)' })
  @ZodResponse(clockListSchema)
  list(@ZodQuery(querySchema) q: z.infer<typeof querySchema>, @Staff() staff: StaffPrincipal): Promise<ClockListItem[]> {
    return this.clocks.list(staff, q);
  }
}

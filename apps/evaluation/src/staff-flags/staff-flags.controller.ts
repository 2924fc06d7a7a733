import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery } from '@sunshine/platform';
import { z } from 'zod';

import { FIGURE_ROLES } from '../kpis/kpi-ask.schema';
import { StaffFlagQuery, type StaffFlagView } from './staff-flag.query';

const listSchema = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .describe('季度 e.g. 2026-Q4; every quarter when left out'),
});
type ListQuery = z.infer<typeof listSchema>;

@StaffController('staff-flags', 'staff flags 满意度评议')
export class StaffFlagsController {
  constructor(private readonly flags: StaffFlagQuery) {}

  @StaffRoute('GET', '', {
    roles: FIGURE_ROLES,
    summary: '连续两次及以上不满意的经办人（按季度） Staff rated 不满意 twice or more in a row, by quarter',
  })
  list(@ZodQuery(listSchema) q: ListQuery, @Staff() staff: StaffPrincipal): Promise<StaffFlagView[]> {
    return this.flags.list(staff, q.quarter);
  }
}

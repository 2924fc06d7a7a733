import { Param } from '@nestjs/common';
import { divisionCodeSchema } from '@sunshine/contracts';
import { clockOverrideSchema } from '@sunshine/domain';
import { CityLevel, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodPipe } from '@sunshine/platform';
import { z } from 'zod';

import { DeadlinePolicyService, type DeadlinePolicyView } from './deadline-policy.service';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'policy id: lowercase letters, digits and . _ -');
const policySchema = z.object({
  /** The territory it applies in: the city, or a county / township of it. */
  jurisdiction: divisionCodeSchema,
  /** Changes to the law's clocks (only `kind` required); a new kind gives every field. Empty: withdraw the policy. */
  clocks: z.array(clockOverrideSchema).max(50),
});
type PolicyBody = z.infer<typeof policySchema>;

@StaffController('deadline-policies', 'deadline policies 期限规则')
export class DeadlinePolicyController {
  constructor(private readonly policies: DeadlinePolicyService) {}

  @StaffRoute('PUT', ':id', {
    status: 202,
    roles: ['admin', 'ops'],
    summary:
      '载入/替换辖区期限规则并发布到各服务（市级 admin 或 ops） Load or replace a jurisdiction’s deadline policy; published to every ' +
      'service, which recompute their due dates. City-level admin or ops only: the clocks count for every unit of the city.',
  })
  @CityLevel({ zh: '期限规则', en: 'Deadline policies' })
  put(
    @Param('id', new ZodPipe(idSchema)) id: string,
    @ZodBody(policySchema) body: PolicyBody,
    @Staff() staff: StaffPrincipal,
  ): Promise<{ id: string; revision: number }> {
    return this.policies.put(id, body, staff);
  }

  @StaffRoute('GET', '', { summary: '现行期限规则 The deadline policies in force (on top of the law’s defaults)' })
  list(): DeadlinePolicyView[] {
    return this.policies.list();
  }
}

import { Param } from '@nestjs/common';
import { CityLevel, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodPipe } from '@sunshine/platform';
import { z } from 'zod';

import { type DissatisfactionPolicy, dissatisfactionPolicySchema } from './dissatisfaction-policy';
import { DissatisfactionPolicyService, type DissatisfactionPolicyView, type DissatisfactionReview } from './dissatisfaction-policy.service';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'policy id: lowercase letters, digits and . _ -');

@StaffController('', 'dissatisfaction 不满意处置')
export class DissatisfactionPolicyController {
  constructor(private readonly policies: DissatisfactionPolicyService) {}

  @StaffRoute('PUT', 'dissatisfaction-policies/:id', {
    roles: ['admin', 'ops'],
    summary:
      '载入/替换辖区“不满意”评价的自动处置规则（review 提请督查部门审查 / order 按所定类别督办 / none）（市级 admin 或 ops） ' +
      'Load or replace what a jurisdiction does by itself on a 不满意 rating: review (default), order (with its label) or none',
  })
  @CityLevel({ zh: '不满意处置规则', en: 'Dissatisfaction policies' })
  put(
    @Param('id', new ZodPipe(idSchema)) id: string,
    @ZodBody(dissatisfactionPolicySchema) body: DissatisfactionPolicy,
    @Staff() staff: StaffPrincipal,
  ): Promise<DissatisfactionPolicyView> {
    return this.policies.put(id, body, staff);
  }

  @StaffRoute('GET', 'dissatisfaction-policies', {
    summary: '现行不满意处置规则 The dissatisfaction policies in force (review where none applies)',
  })
  list(): Promise<DissatisfactionPolicyView[]> {
    return this.policies.list();
  }

  @StaffRoute('GET', 'dissatisfaction-reviews', {
    summary: '待审查的不满意评价（本单位为督查部门） The 不满意 ratings flagged to my unit for review',
  })
  reviews(@Staff() staff: StaffPrincipal): Promise<DissatisfactionReview[]> {
    return this.policies.reviews(staff);
  }
}

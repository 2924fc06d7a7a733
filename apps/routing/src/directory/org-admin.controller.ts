import { Param } from '@nestjs/common';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import {
  OpenToAdministrators,
  Staff,
  StaffController,
  type StaffPrincipal,
  StaffRoute,
  ZodBody,
  ZodQuery,
  ZodResponse,
} from '@sunshine/platform';

import {
  type PutUserDto,
  putUserSchema,
  type UnitListQuery,
  unitListQuerySchema,
  type UpdateUnitDto,
  updateUnitSchema,
} from './org-admin.dto';
import { OrgAdminService } from './org-admin.service';
import { orgUnitListSchema, orgUnitSchema } from './org-unit.response';
import type { StaffUser } from './staff-users.service';

/**
 * Every staff member reads the directory; an administrator renames units and registers staff within its territory. New
 * units and a unit's kind, parent, territory and competences go through change requests (OrgChangeRequestController).
 * The city's system administrator (`sysadmin`, 三员分立) reads units and users here too: no case is shown.
 */
@StaffController('org', 'org directory 机构目录')
@OpenToAdministrators('sysadmin')
export class OrgAdminController {
  constructor(private readonly org: OrgAdminService) {}

  @StaffRoute('GET', 'units', { summary: '单位列表（按区划、辖区、类型、层级、主管类别、名称） List units' })
  @ZodResponse(orgUnitListSchema)
  list(@ZodQuery(unitListQuerySchema) q: UnitListQuery): Promise<{ items: OrgUnitSnapshot[]; total: number }> {
    return this.org.list(q);
  }

  @StaffRoute('GET', 'units/:id', { summary: '单位详情 One unit (its full snapshot)' })
  @ZodResponse(orgUnitSchema)
  get(@Param('id') id: string): Promise<OrgUnitSnapshot> {
    return this.org.get(id);
  }

  @StaffRoute('PATCH', 'units/:id', {
    roles: ['admin'],
    summary:
      '修改单位名称（管理员，本辖区内）；类型、上级、区划、主管类别须走变更申请（403） Rename a unit; trust-bearing fields need a change request',
  })
  @ZodResponse(orgUnitSchema)
  update(@Param('id') id: string, @ZodBody(updateUnitSchema) dto: UpdateUnitDto, @Staff() staff: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.update(staff, id, dto);
  }

  @StaffRoute('GET', 'units/:id/users', { summary: '单位工作人员 Staff users of a unit' })
  users(@Param('id') id: string): Promise<StaffUser[]> {
    return this.org.unitUsers(id);
  }

  @StaffRoute('GET', 'users/:subject', { summary: '工作人员及其单位 A staff user and its unit' })
  user(@Param('subject') subject: string): Promise<StaffUser> {
    return this.org.user(subject);
  }

  @StaffRoute('PUT', 'users/:subject', {
    roles: ['admin'],
    summary: '登记或修改工作人员所属单位与角色（管理员） Register a staff user in a unit',
  })
  putUser(@Param('subject') subject: string, @ZodBody(putUserSchema) dto: PutUserDto, @Staff() staff: StaffPrincipal): Promise<StaffUser> {
    return this.org.putUser(staff, subject, dto);
  }
}

import { Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { ApiErrorResponses, Roles, Staff, ZodBody, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import { putUserSchema, unitListQuerySchema, updateUnitSchema, type PutUserDto, type UnitListQuery, type UpdateUnitDto } from './org-admin.dto';
import { OrgAdminService } from './org-admin.service';
import type { StaffUser } from './staff-users.service';

/**
 * Every staff member reads the directory; an administrator renames units and registers staff within its territory. New
 * units and a unit's kind, parent, territory and competences go through change requests (OrgChangeRequestController).
 */
@ApiTags('org directory 机构目录')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('org')
export class OrgAdminController {
  constructor(private readonly org: OrgAdminService) {}

  @Get('units')
  @ApiOperation({ summary: '单位列表（按区划、辖区、类型、层级、主管类别、名称） List units' })
  list(@ZodQuery(unitListQuerySchema) q: UnitListQuery) {
    return this.org.list(q);
  }

  @Get('units/:id')
  @ApiOperation({ summary: '单位详情 One unit (its full snapshot)' })
  get(@Param('id') id: string): Promise<OrgUnitSnapshot> {
    return this.org.get(id);
  }

  @Patch('units/:id')
  @Roles('admin')
  @ApiOperation({
    summary: '修改单位名称（管理员，本辖区内）；类型、上级、区划、主管类别须走变更申请（403） Rename a unit; trust-bearing fields need a change request',
  })
  update(@Param('id') id: string, @ZodBody(updateUnitSchema) dto: UpdateUnitDto, @Staff() staff: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.update(staff, id, dto);
  }

  @Get('units/:id/users')
  @ApiOperation({ summary: '单位工作人员 Staff users of a unit' })
  users(@Param('id') id: string): Promise<StaffUser[]> {
    return this.org.unitUsers(id);
  }

  @Get('users/:subject')
  @ApiOperation({ summary: '工作人员及其单位 A staff user and its unit' })
  user(@Param('subject') subject: string): Promise<StaffUser> {
    return this.org.user(subject);
  }

  @Put('users/:subject')
  @Roles('admin')
  @ApiOperation({ summary: '登记或修改工作人员所属单位与角色（管理员） Register a staff user in a unit' })
  putUser(@Param('subject') subject: string, @ZodBody(putUserSchema) dto: PutUserDto, @Staff() staff: StaffPrincipal): Promise<StaffUser> {
    return this.org.putUser(staff, subject, dto);
  }
}

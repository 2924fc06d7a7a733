import { Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { ApiErrorResponses, Roles, Staff, ZodBody, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import {
  competencesSchema,
  createUnitSchema,
  putUserSchema,
  unitListQuerySchema,
  updateUnitSchema,
  type CompetencesDto,
  type CreateUnitDto,
  type PutUserDto,
  type UnitListQuery,
  type UpdateUnitDto,
} from './org-admin.dto';
import { OrgAdminService } from './org-admin.service';
import type { StaffUser } from './staff-users.service';

/** Every staff member reads the directory; only an administrator changes it, within its territory. */
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

  @Post('units')
  @Roles('admin')
  @ApiOperation({ summary: '新增单位（管理员，本辖区内；发布完整快照） Create a unit' })
  create(@ZodBody(createUnitSchema) dto: CreateUnitDto, @Staff() staff: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.create(staff, dto);
  }

  @Patch('units/:id')
  @Roles('admin')
  @ApiOperation({ summary: '修改单位（名称、类型、上级、主管类别） Update a unit' })
  update(@Param('id') id: string, @ZodBody(updateUnitSchema) dto: UpdateUnitDto, @Staff() staff: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.update(staff, id, dto);
  }

  @Put('units/:id/competences')
  @Roles('admin')
  @ApiOperation({ summary: '设置主管类别（谁主管、谁负责） Set a unit’s competences' })
  competences(@Param('id') id: string, @ZodBody(competencesSchema) dto: CompetencesDto, @Staff() staff: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.update(staff, id, { competences: dto.competences });
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

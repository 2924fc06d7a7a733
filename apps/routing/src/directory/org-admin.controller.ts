import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { requireStaff } from '../cases/staff-roles';
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

@ApiTags('org directory 机构目录')
@ApiBearerAuth()
@Controller('org')
export class OrgAdminController {
  constructor(private readonly org: OrgAdminService) {}

  @Get('units')
  @ApiOperation({ summary: '单位列表（按区划、辖区、类型、层级、主管类别、名称） List units' })
  list(@Query(new ZodPipe(unitListQuerySchema)) q: UnitListQuery, @CurrentStaff() staff?: StaffPrincipal) {
    requireStaff(staff);
    return this.org.list(q);
  }

  @Get('units/:id')
  @ApiOperation({ summary: '单位详情 One unit (its full snapshot)' })
  get(@Param('id') id: string, @CurrentStaff() staff?: StaffPrincipal): Promise<OrgUnitSnapshot> {
    requireStaff(staff);
    return this.org.get(id);
  }

  @Post('units')
  @ApiOperation({ summary: '新增单位（管理员，本辖区内；发布完整快照） Create a unit' })
  create(@Body(new ZodPipe(createUnitSchema)) dto: CreateUnitDto, @CurrentStaff() staff?: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.create(requireStaff(staff), dto);
  }

  @Patch('units/:id')
  @ApiOperation({ summary: '修改单位（名称、类型、上级、主管类别） Update a unit' })
  update(@Param('id') id: string, @Body(new ZodPipe(updateUnitSchema)) dto: UpdateUnitDto, @CurrentStaff() staff?: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.update(requireStaff(staff), id, dto);
  }

  @Put('units/:id/competences')
  @ApiOperation({ summary: '设置主管类别（谁主管、谁负责） Set a unit’s competences' })
  competences(@Param('id') id: string, @Body(new ZodPipe(competencesSchema)) dto: CompetencesDto, @CurrentStaff() staff?: StaffPrincipal): Promise<OrgUnitSnapshot> {
    return this.org.update(requireStaff(staff), id, { competences: dto.competences });
  }

  @Get('units/:id/users')
  @ApiOperation({ summary: '单位工作人员 Staff users of a unit' })
  users(@Param('id') id: string, @CurrentStaff() staff?: StaffPrincipal): Promise<StaffUser[]> {
    requireStaff(staff);
    return this.org.unitUsers(id);
  }

  @Get('users/:subject')
  @ApiOperation({ summary: '工作人员及其单位 A staff user and its unit' })
  user(@Param('subject') subject: string, @CurrentStaff() staff?: StaffPrincipal): Promise<StaffUser> {
    requireStaff(staff);
    return this.org.user(subject);
  }

  @Put('users/:subject')
  @ApiOperation({ summary: '登记或修改工作人员所属单位与角色（管理员） Register a staff user in a unit' })
  putUser(@Param('subject') subject: string, @Body(new ZodPipe(putUserSchema)) dto: PutUserDto, @CurrentStaff() staff?: StaffPrincipal): Promise<StaffUser> {
    return this.org.putUser(requireStaff(staff), subject, dto);
  }
}

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import type { ActionResult } from '../cases/case-action.runner';
import { requireStaff } from '../cases/staff-roles';
import { ExpectedVersion } from './expected-version.decorator';
import { ObjectionService } from './objection.service';
import {
  approveObjectionSchema,
  raiseObjectionSchema,
  rejectObjectionSchema,
  type ApproveObjectionDto,
  type RaiseObjectionDto,
  type RejectObjectionDto,
} from './unit-actions.dto';

@ApiTags('objection 异议')
@ApiBearerAuth()
@Controller('cases/:caseId/objection')
export class ObjectionController {
  constructor(private readonly objections: ObjectionService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '提出异议（5个工作日内，详细理由） (case.objection-raised, Art 23)' })
  raise(@Param('caseId', ParseUUIDPipe) caseId: string, @Body(new ZodPipe(raiseObjectionSchema)) dto: RaiseObjectionDto, @ExpectedVersion() v: number, @CurrentStaff() staff?: StaffPrincipal): Promise<ActionResult> {
    return this.objections.raise(caseId, requireStaff(staff), dto, v);
  }

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({ summary: '异议成立，退回重新分办（可同时转送/交办） (case.objection-approved)' })
  approve(@Param('caseId', ParseUUIDPipe) caseId: string, @Body(new ZodPipe(approveObjectionSchema)) dto: ApproveObjectionDto, @ExpectedVersion() v: number, @CurrentStaff() staff?: StaffPrincipal): Promise<ActionResult> {
    return this.objections.approve(caseId, requireStaff(staff), dto, v);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOperation({ summary: '异议不成立，原单位继续办理 (case.objection-rejected)' })
  reject(@Param('caseId', ParseUUIDPipe) caseId: string, @Body(new ZodPipe(rejectObjectionSchema)) dto: RejectObjectionDto, @ExpectedVersion() v: number, @CurrentStaff() staff?: StaffPrincipal): Promise<ActionResult> {
    return this.objections.reject(caseId, requireStaff(staff), dto, v);
  }
}

import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Roles, Staff, ZodBody, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import { Client, type CitizenClient } from '../http/citizen-client.decorator';
import { uuidParam } from '../http/params';
import { PublicRateLimited } from '../http/public-rate-limited.decorator';
import {
  bookAppointmentSchema,
  createReceptionSchema,
  receptionQuerySchema,
  type BookAppointmentDto,
  type CreateReceptionDto,
  type ReceptionQuery,
} from './reception.dto';
import { ReceptionService, SCHEDULING_ROLES, type ReceptionView } from './reception.service';

@ApiTags('leader reception 领导接待')
@ApiErrorResponses()
@Controller()
export class ReceptionController {
  constructor(private readonly receptions: ReceptionService) {}

  @Get('public/receptions')
  @PublicRateLimited()
  @ApiOperation({ summary: '领导接待日安排（公开） The published leader reception schedule' })
  schedule(@ZodQuery(receptionQuerySchema) q: ReceptionQuery): Promise<ReceptionView[]> {
    return this.receptions.upcoming(q);
  }

  @Post('public/receptions/:receptionId/appointments')
  @HttpCode(201)
  @PublicRateLimited()
  @ApiOperation({ summary: '预约领导接访（公开） Book a place at a leader reception (one per person and reception; per-person limits)' })
  book(@Param('receptionId', uuidParam()) receptionId: string, @ZodBody(bookAppointmentSchema) dto: BookAppointmentDto, @Client() client: CitizenClient) {
    return this.receptions.book(receptionId, dto, client);
  }

  @Post('receptions')
  @HttpCode(201)
  @Roles(...SCHEDULING_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布领导接待日 Publish a leader reception of the caller’s unit (staff)' })
  create(@ZodBody(createReceptionSchema) dto: CreateReceptionDto, @Staff() staff: StaffPrincipal): Promise<ReceptionView> {
    return this.receptions.create(dto, staff);
  }

  @Get('receptions/:receptionId/appointments')
  @ApiBearerAuth()
  @ApiOperation({ summary: '接访预约名单 The appointments of a reception of the caller’s unit (staff)' })
  appointments(@Param('receptionId', uuidParam()) receptionId: string, @Staff() staff: StaffPrincipal) {
    return this.receptions.appointments(receptionId, staff);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { requireStaff } from '../core/intake-errors';
import { ZodBody } from '../http/openapi';
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
import { ReceptionService, type ReceptionView } from './reception.service';

@ApiTags('leader reception 领导接待')
@Controller()
export class ReceptionController {
  constructor(private readonly receptions: ReceptionService) {}

  @Get('public/receptions')
  @PublicRateLimited()
  @ApiOperation({ summary: '领导接待日安排（公开） The published leader reception schedule' })
  @ApiQuery({ name: 'unitId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  schedule(@Query(new ZodPipe(receptionQuerySchema)) q: ReceptionQuery): Promise<ReceptionView[]> {
    return this.receptions.upcoming(q);
  }

  @Post('public/receptions/:receptionId/appointments')
  @HttpCode(201)
  @PublicRateLimited()
  @ApiOperation({ summary: '预约领导接访（公开） Book a place at a leader reception' })
  @ZodBody(bookAppointmentSchema)
  book(@Param('receptionId', uuidParam()) receptionId: string, @Body(new ZodPipe(bookAppointmentSchema)) dto: BookAppointmentDto) {
    return this.receptions.book(receptionId, dto);
  }

  @Post('receptions')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发布领导接待日 Publish a leader reception of the caller’s unit (staff)' })
  @ZodBody(createReceptionSchema)
  create(@Body(new ZodPipe(createReceptionSchema)) dto: CreateReceptionDto, @CurrentStaff() staff?: StaffPrincipal): Promise<ReceptionView> {
    return this.receptions.create(dto, requireStaff(staff));
  }

  @Get('receptions/:receptionId/appointments')
  @ApiBearerAuth()
  @ApiOperation({ summary: '接访预约名单 The appointments of a reception of the caller’s unit (staff)' })
  appointments(@Param('receptionId', uuidParam()) receptionId: string, @CurrentStaff() staff?: StaffPrincipal) {
    return this.receptions.appointments(receptionId, requireStaff(staff));
  }
}

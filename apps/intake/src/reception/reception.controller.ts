import { Param } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery, ZodResponse } from '@sunshine/platform';

import { type CitizenClient, Client } from '../http/citizen-client.decorator';
import { CitizenRoute } from '../http/citizen-route.decorator';
import { uuidParam } from '../http/params';
import {
  type BookAppointmentDto,
  bookAppointmentSchema,
  type CreateReceptionDto,
  createReceptionSchema,
  type ReceptionQuery,
  receptionQuerySchema,
} from './reception.dto';
import { appointmentListSchema, bookedSchema, receptionListSchema, receptionViewSchema } from './reception.response';
import { type AppointmentView, type Booked, ReceptionService, type ReceptionView, SCHEDULING_ROLES } from './reception.service';

@StaffController('', 'leader reception 领导接待')
export class ReceptionController {
  constructor(private readonly receptions: ReceptionService) {}

  @CitizenRoute('GET', 'public/receptions', { summary: '领导接待日安排（公开） The published leader reception schedule' })
  @ZodResponse(receptionListSchema)
  schedule(@ZodQuery(receptionQuerySchema) q: ReceptionQuery): Promise<ReceptionView[]> {
    return this.receptions.upcoming(q);
  }

  @CitizenRoute('POST', 'public/receptions/:receptionId/appointments', {
    status: 201,
    summary: '预约领导接访（公开） Book a place at a leader reception (one per person and reception; per-person limits)',
  })
  @ZodResponse(bookedSchema, { status: 201 })
  book(
    @Param('receptionId', uuidParam()) receptionId: string,
    @ZodBody(bookAppointmentSchema) dto: BookAppointmentDto,
    @Client() client: CitizenClient,
  ): Promise<Booked> {
    return this.receptions.book(receptionId, dto, client);
  }

  @StaffRoute('POST', 'receptions', {
    status: 201,
    roles: SCHEDULING_ROLES,
    summary: '发布领导接待日 Publish a leader reception of the caller’s unit (staff)',
  })
  @ZodResponse(receptionViewSchema, { status: 201 })
  create(@ZodBody(createReceptionSchema) dto: CreateReceptionDto, @Staff() staff: StaffPrincipal): Promise<ReceptionView> {
    return this.receptions.create(dto, staff);
  }

  @StaffRoute('GET', 'receptions/:receptionId/appointments', {
    summary: '接访预约名单 The appointments of a reception of the caller’s unit (staff)',
  })
  @ZodResponse(appointmentListSchema)
  appointments(@Param('receptionId', uuidParam()) receptionId: string, @Staff() staff: StaffPrincipal): Promise<AppointmentView[]> {
    return this.receptions.appointments(receptionId, staff);
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { yearArrangementSchema, type YearArrangement } from '@sunshine/domain';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { requireRole, requireStaff } from '../shared/staff';
import { CalendarArrangementService, type ArrangementLoaded } from './calendar-arrangement.service';

@ApiTags('calendar 节假日安排')
@ApiBearerAuth()
@Controller('calendar/arrangements')
export class CalendarController {
  constructor(private readonly arrangements: CalendarArrangementService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '载入某年节假日安排并重算临时期限 Load a year’s holiday arrangement; recompute provisional deadlines' })
  load(
    @Body(new ZodPipe(yearArrangementSchema)) body: YearArrangement,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<ArrangementLoaded> {
    return this.arrangements.load(body, requireRole(staff, ['ops', 'admin']));
  }

  @Get()
  @ApiOperation({ summary: '已载入的节假日安排 Arrangements loaded on top of the bundled calendar' })
  list(@CurrentStaff() staff?: StaffPrincipal) {
    requireStaff(staff);
    return this.arrangements.list();
  }
}

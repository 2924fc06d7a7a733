import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CalendarArrangementService } from './calendar-arrangement.service';
import { CalendarController } from './calendar.controller';
import { ClockLedgerRepository } from './clock-ledger.repository';
import { ClockLedgerService } from './clock-ledger.service';
import { ClocksQueryService } from './clocks-query.service';
import { ClocksController } from './clocks.controller';
import { DUE_CHECK_QUEUE } from './due-check.queue';
import { DueCheckService } from './due-check.service';
import { DueWakeScheduler } from './due-wake.scheduler';
import { WorkingCalendarService } from './working-calendar.service';

/** The deadline ledger, its due check and the working calendar. */
@Module({
  imports: [BullModule.registerQueue({ name: DUE_CHECK_QUEUE })],
  controllers: [CalendarController, ClocksController],
  providers: [
    ClockLedgerRepository,
    ClockLedgerService,
    WorkingCalendarService,
    DueWakeScheduler,
    DueCheckService,
    CalendarArrangementService,
    ClocksQueryService,
  ],
  exports: [ClockLedgerService, DueCheckService, WorkingCalendarService, BullModule],
})
export class LedgerModule {}

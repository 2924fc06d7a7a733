import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';

import { CalendarController, CalendarDaysController } from './calendar.controller';
import { CalendarArrangementService } from './calendar-arrangement.service';
import { CityReferencePublisher } from './city-reference.publisher';
import { ClockLedgerRepository } from './clock-ledger.repository';
import { ClockLedgerService } from './clock-ledger.service';
import { ClockMetrics } from './clock-metrics';
import { ClocksController } from './clocks.controller';
import { ClocksQueryService } from './clocks-query.service';
import { DeadlinePolicyController } from './deadline-policy.controller';
import { DeadlinePolicyService } from './deadline-policy.service';
import { DUE_CHECK_QUEUE } from './due-check.queue';
import { DueCheckService } from './due-check.service';
import { DueWakeScheduler } from './due-wake.scheduler';
import { ReferenceRecomputeService } from './reference-recompute.service';

/** The deadline ledger, its due check and the city's reference data it owns (calendar, policies). */
@Module({
  imports: [BullModule.registerQueue({ name: DUE_CHECK_QUEUE })],
  controllers: [CalendarController, CalendarDaysController, ClocksController, DeadlinePolicyController],
  providers: [
    ClockLedgerRepository,
    ClockLedgerService,
    DueWakeScheduler,
    DueCheckService,
    CityReferencePublisher,
    CalendarArrangementService,
    ClocksQueryService,
    DeadlinePolicyService,
    ReferenceRecomputeService,
    ClockMetrics,
  ],
  exports: [ClockLedgerService, DueCheckService, BullModule],
})
export class LedgerModule {}

import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { BacklogModule } from '../backlog/backlog.module';
import { CityViewModule } from '../city-view/city-view.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { SupervisionSweepProcessor } from '../sweep/supervision-sweep.processor';
import { SupervisionSweepService } from '../sweep/supervision-sweep.service';
import { SweepScheduleService } from '../sweep/sweep-schedule.service';
import { CaseEventConsumer } from './case-event.consumer';
import { CaseEventPipeline } from './case-event.pipeline';

/** The case-log consumer and the time-driven sweep (BullMQ), over every feature. */
@Module({
  imports: [CityViewModule, LedgerModule, OrdersModule, BacklogModule, AlertsModule],
  controllers: [CaseEventConsumer],
  providers: [CaseEventPipeline, SupervisionSweepService, SupervisionSweepProcessor, SweepScheduleService],
})
export class PipelineModule {}

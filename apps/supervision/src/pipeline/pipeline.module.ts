import { Module } from '@nestjs/common';

import { AlertsModule } from '../alerts/alerts.module';
import { BacklogModule } from '../backlog/backlog.module';
import { CityViewModule } from '../city-view/city-view.module';
import { HotTopicsModule } from '../hot-topics/hot-topics.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { SupervisionSweepProcessor } from '../sweep/supervision-sweep.processor';
import { SupervisionSweepService } from '../sweep/supervision-sweep.service';
import { SweepScheduleService } from '../sweep/sweep-schedule.service';
import { SupervisionReactions } from './supervision-reactions';

/** Supervision's reactions to the case replica's events, and the time-driven sweep (BullMQ), over every feature. */
@Module({
  imports: [CityViewModule, LedgerModule, OrdersModule, BacklogModule, AlertsModule, HotTopicsModule],
  providers: [SupervisionReactions, SupervisionSweepService, SupervisionSweepProcessor, SweepScheduleService],
})
export class PipelineModule {}

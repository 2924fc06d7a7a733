import { Module } from '@nestjs/common';

import { loadUpstreamConfig, UPSTREAM_CONFIG } from './upstream.config';
import { UpstreamController } from './upstream.controller';
import { UpstreamSender } from './upstream.sender';
import { UpstreamDeliveryOps } from './upstream-delivery.ops';
import { UpstreamDeliveryPlanner } from './upstream-delivery.planner';
import { UpstreamExportService } from './upstream-export.service';
import { UpstreamReconciliationScheduler } from './upstream-reconciliation.scheduler';

/**
 * Upstream reporting (issue 21): the change stream to the configured upstream (planned with the replica's fold, sent in
 * order per case, urgent matters in their own lane, parked messages replayed by ops), the daily export, the
 * reconciliation report and its daily run.
 */
@Module({
  controllers: [UpstreamController],
  providers: [
    { provide: UPSTREAM_CONFIG, useFactory: () => loadUpstreamConfig() },
    UpstreamExportService,
    UpstreamDeliveryPlanner,
    UpstreamSender,
    UpstreamDeliveryOps,
    UpstreamReconciliationScheduler,
  ],
})
export class UpstreamModule {}

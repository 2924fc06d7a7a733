import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { PlatformCollectors } from './platform-collectors';

/**
 * Prometheus metrics of every service (PlatformModule imports it): `GET /metrics`, default process metrics, HTTP by
 * route, the consumer, the outbox, dead letters, BullMQ. MetricsRegistry is exported so a service adds its own gauges; PlatformCollectors so the ops endpoints read the same lag.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, HttpMetrics, PlatformCollectors],
  exports: [MetricsRegistry, PlatformCollectors],
})
export class MetricsModule {}

import { Module } from '@nestjs/common';
import { Topics } from '@sunshine/contracts';
import type { ServiceReplica } from '@sunshine/platform';

@Module({})
class AlertsFeedModule {}

/**
 * Supervision's alerts topic as one more feed notification consumes (its handler is AlertsConsumer): listed with the
 * replicas so the service's consumer subscribes to it. No tables of its own.
 */
export const ALERTS_FEED: ServiceReplica = { module: AlertsFeedModule, topic: Topics.alerts, entities: [], migrations: [] };

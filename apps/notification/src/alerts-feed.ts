import { Module } from '@nestjs/common';
import { Topics } from '@sunshine/contracts';
import type { ServiceReplica } from '@sunshine/platform';

@Module({})
class FeedModule {}

/**
 * Supervision's alerts topic as one more feed notification consumes (its handler is AlertsConsumer): listed with the
 * replicas so the service's consumer subscribes to it. No tables of its own.
 */
export const ALERTS_FEED: ServiceReplica = { module: FeedModule, topic: Topics.alerts, entities: [], migrations: [] };

/**
 * Evaluation's topic, likewise (its handler is EvaluationConsumer: staff flags; rankings and reports are no notices
 * yet, the replica's `*` handler passes over them).
 */
export const EVALUATION_FEED: ServiceReplica = { module: FeedModule, topic: Topics.evaluation, entities: [], migrations: [] };

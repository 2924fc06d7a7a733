import { sqlMigration } from '@sunshine/platform';

/**
 * The correlation id and W3C trace context of the event that planned a delivery, so its queued attempt (a BullMQ job
 * the feeder adds later, outside any request) logs and emits under the event's correlation and continues its trace.
 */
export const NotificationDeliveryCorrelation1796300000000 = sqlMigration('NotificationDeliveryCorrelation1796300000000', {
  up: [`ALTER TABLE deliveries ADD COLUMN correlation_id text, ADD COLUMN trace_context jsonb`],
  down: [`ALTER TABLE deliveries DROP COLUMN correlation_id, DROP COLUMN trace_context`],
});

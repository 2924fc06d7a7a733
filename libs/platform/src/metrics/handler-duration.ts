import type { HandlerObservation } from '../messaging/kafka-event.server';
import type { MetricsRegistry } from './metrics.registry';

/**
 * `kafka_consumer_handler_duration_seconds{group,type,outcome}` (plus the registry's `service` label): how long each
 * event handler call took, by the envelope's type; `outcome="error"` counts the attempts that threw (each retry is
 * one observation). Returns the KafkaEventServer's `observeHandler`.
 */
export function handlerDurationMetric(metrics: MetricsRegistry): (observation: HandlerObservation) => void {
  const histogram = metrics.histogram({
    name: 'kafka_consumer_handler_duration_seconds',
    help: 'event handler duration by event type 按事件类型的处理耗时',
    labelNames: ['group', 'type', 'outcome'] as const,
  });
  return ({ group, type, outcome, seconds }) => histogram.observe({ group, type, outcome }, seconds);
}

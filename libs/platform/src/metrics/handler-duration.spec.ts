import type { PlatformConfig } from '../config/platform-config';
import { handlerDurationMetric } from './handler-duration';
import { MetricsRegistry } from './metrics.registry';

describe('handlerDurationMetric (kafka_consumer_handler_duration_seconds)', () => {
  it('observes each handler call by service, group, event type and outcome into the latency buckets', async () => {
    const metrics = new MetricsRegistry({ service: 'routing' } as PlatformConfig);
    const observe = handlerDurationMetric(metrics);
    observe({ group: 'routing', type: 'petition.registered', outcome: 'ok', seconds: 0.003 });
    observe({ group: 'routing', type: 'petition.registered', outcome: 'ok', seconds: 0.2 });
    observe({ group: 'routing', type: 'case.dispatched', outcome: 'error', seconds: 0.04 });

    const lines = (await metrics.render()).split('\n').filter((l) => l.startsWith('kafka_consumer_handler_duration_seconds'));
    const ok = 'service="routing",group="routing",type="petition.registered",outcome="ok"';
    expect(lines).toContain(`kafka_consumer_handler_duration_seconds_count{${ok}} 2`);
    expect(lines).toContain(`kafka_consumer_handler_duration_seconds_sum{${ok}} 0.203`);
    expect(lines).toContain(`kafka_consumer_handler_duration_seconds_bucket{le="0.005",${ok}} 1`);
    expect(lines).toContain(`kafka_consumer_handler_duration_seconds_bucket{le="0.1",${ok}} 1`);
    expect(lines).toContain(`kafka_consumer_handler_duration_seconds_bucket{le="0.25",${ok}} 2`);
    expect(lines).toContain(
      'kafka_consumer_handler_duration_seconds_count{service="routing",group="routing",type="case.dispatched",outcome="error"} 1',
    );
  });
});

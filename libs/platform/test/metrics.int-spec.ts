import { randomUUID } from 'node:crypto';

import { prefixed, Topics } from '@sunshine/contracts';
import { eventually, forSuite, freePort } from '@sunshine/testing';

import { registered } from './support/test-events';
import { TestRun } from './support/test-run';

const SUPERVISION = 'apps/supervision/src/main.ts';

/** The value of the one sample of `name` whose labels are exactly `labels` (any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of samples(text, name)) {
    const match = /^[^{]+\{(.*)\} (\S+)$/.exec(line);
    if (match && match[1]?.split(',').sort().join(',') === wanted) return Number(match[2]);
  }
  return undefined;
}

/** The sample lines of one family (`name{labels} value`), without HELP/TYPE comments. */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

// A real supervision process (bootstrapService): GET /metrics answers the Prometheus text with the platform's families.
describe('GET /metrics of a running service (Prometheus, prom-client)', () => {
  const run = forSuite(
    () => TestRun.create('mx'),
    (r) => r.cleanup(),
  );

  it('exposes process, HTTP-by-route, outbox, dead-letter, consumer-lag and BullMQ families, unauthenticated', async () => {
    const port = await freePort();
    run.start('supervision-metrics', SUPERVISION, { PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      async () => {
        const res = await fetch(`${url}/health/ready`).catch(() => undefined);
        const body = res ? ((await res.json()) as { details?: { messaging?: { consumer?: { state?: string } | null } } }) : undefined;
        return body?.details?.messaging?.consumer?.state === 'consuming' ? true : undefined;
      },
      90000,
      'supervision consuming',
    );
    // Two requests the route label must name by template: a probe, and an unknown path.
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/no/such/path/123`)).status).toBe(404);

    const text = await eventually(
      async () => {
        const res = await fetch(`${url}/metrics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/plain');
        const body = await res.text();
        // Lag is read from Kafka once the consumer has committed its partitions' offsets (or from the low watermark).
        return samples(body, 'kafka_consumer_lag').length > 0 ? body : undefined;
      },
      60000,
      'a scrape with consumer lag',
    );

    expect(samples(text, 'process_cpu_user_seconds_total')).toHaveLength(1);
    expect(samples(text, 'nodejs_heap_size_used_bytes')).toHaveLength(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/health/live', status: '200', service: 'supervision' }),
    ).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/health/live', status_class: '2xx', service: 'supervision' })).toBe(
      1,
    );
    // The raw URL of an unknown path is never a label value.
    expect(text).not.toContain('/no/such/path/123');
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '(unmatched)', status_class: '4xx', service: 'supervision' })).toBe(
      1,
    );
    expect(samples(text, 'outbox_backlog')).toEqual([expect.stringMatching(/^outbox_backlog\{service="supervision"\} \d+$/)]);
    expect(samples(text, 'outbox_oldest_age_seconds')).toHaveLength(1);
    expect(samples(text, 'dead_letters_parked')).toEqual(['dead_letters_parked{service="supervision"} 0']);
    expect(samples(text, 'parked_messages')).toEqual(['parked_messages{service="supervision"} 0']);
    expect(samples(text, 'parked_keys')).toEqual(['parked_keys{service="supervision"} 0']);
    expect(samples(text, 'kafka_consumer_dead_lettered_total')).toEqual([
      expect.stringMatching(/^kafka_consumer_dead_lettered_total\{group="[^"]+",service="supervision"\} 0$/),
    ]);
    expect(samples(text, 'kafka_consumer_messages_received_total')).toHaveLength(1);
    const directoryTopic = prefixed(run.prefix, Topics.orgDirectory);
    expect(samples(text, 'kafka_consumer_lag').some((l) => l.includes(`topic="${directoryTopic}",partition="0"`))).toBe(true);
    // The service's own gauges (apps/supervision ClockMetrics): the families exist; no clock is open in this run.
    expect(text).toContain('# TYPE supervision_clocks_overdue gauge');
    expect(text).toContain('# TYPE supervision_clocks_due_soon gauge');
    expect(samples(text, 'supervision_clocks_overdue')).toEqual([]);
    expect(samples(text, 'bullmq_queue_jobs').some((l) => l.includes('queue="supervision-due-check",state="failed"'))).toBe(true);

    // One petition.registered on the case log: the handler (supervision's case replica) is timed under the event's type.
    await run.produce([registered(randomUUID(), 'metrics')]);
    const timed = await eventually(
      async () => {
        const body = await (await fetch(`${url}/metrics`)).text();
        return samples(body, 'kafka_consumer_handler_duration_seconds_count').find((l) =>
          l.includes('type="petition.registered",outcome="ok"'),
        );
      },
      60000,
      'the handler duration of petition.registered',
    );
    expect(timed).toMatch(
      /^kafka_consumer_handler_duration_seconds_count\{service="supervision",group="[^"]+",type="petition\.registered",outcome="ok"\} 1$/,
    );
  });
});

import { SpanKind, trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';
import {
  CorrelatedWorker,
  currentCorrelationId,
  redisConnection,
  runWithCorrelation,
  traceHeaders,
  withCorrelation,
} from '@sunshine/platform';
import { infraEnv, uniquePrefix } from '@sunshine/testing';
import { Queue, QueueEvents } from 'bullmq';

// A trace into a BullMQ job and out again, on the real Redis (deploy/local/infra.sh) with the OpenTelemetry SDK keeping
// spans in memory: a handler's span schedules a delayed job (withCorrelation stamps its trace context, as supervision's
// due wake-ups do), the platform's worker (CorrelatedWorker) runs the job in a CONSUMER span of that trace, and what
// the job would write to its outbox (traceHeaders) continues the same trace under the job's span.
/** What the job reports: the traceparent an event it emits would carry, and its correlation id. */
interface JobResult {
  readonly traceparent: string | undefined;
  readonly correlationId: string | undefined;
}

describe('a timer job continues the trace that scheduled it', () => {
  const exporter = new node.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({ spanProcessors: [new node.SimpleSpanProcessor(exporter)] });
  const connection = redisConnection(infraEnv().redisUrl);
  const prefix = `bull.${uniquePrefix('jobtrace')}`;
  const name = 'supervision-due-check';
  let queue: Queue;
  let events: QueueEvents;
  let worker: CorrelatedWorker<object, JobResult>;

  beforeAll(async () => {
    provider.register();
    queue = new Queue(name, { connection, prefix });
    events = new QueueEvents(name, { connection, prefix });
    worker = new CorrelatedWorker<object, JobResult>(
      name,
      async (): Promise<JobResult> => ({ traceparent: traceHeaders()['traceparent'], correlationId: currentCorrelationId() }),
      {
        connection,
        prefix,
      },
    );
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady(), worker.waitUntilReady()]);
  });

  afterAll(async () => {
    await worker?.close();
    await events?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await provider.shutdown();
  });

  it('runs the job in a CONSUMER span under the scheduling span; its outbox headers continue that trace', async () => {
    const job = await runWithCorrelation({ correlationId: 'req-jobtrace' }, () =>
      trace.getTracer('job-trace-spec').startActiveSpan('process case.dispatched', async (active) => {
        active.end();
        return queue.add('wake', withCorrelation({ caseId: 'c-jobtrace' }), { delay: 300, removeOnComplete: true });
      }),
    );
    expect(job.data).toEqual({
      caseId: 'c-jobtrace',
      correlationId: 'req-jobtrace',
      traceContext: { traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/) },
    });
    const scheduler = exporter.getFinishedSpans().find((s) => s.name === 'process case.dispatched');

    const result = await job.waitUntilFinished(events, 60000);

    const jobSpan = exporter.getFinishedSpans().find((s) => s.name === `process job ${name}/wake`);
    expect(jobSpan?.kind).toBe(SpanKind.CONSUMER);
    expect(jobSpan?.spanContext().traceId).toBe(scheduler?.spanContext().traceId);
    expect(jobSpan?.parentSpanContext?.spanId).toBe(scheduler?.spanContext().spanId);
    expect(jobSpan?.attributes).toEqual({ 'messaging.system': 'bullmq', 'messaging.destination.name': name, 'sunshine.job.name': 'wake' });
    // Out again: an event the job emits carries the job span as its parent, in the same trace and correlation.
    expect(result).toEqual({
      traceparent: `00-${scheduler?.spanContext().traceId}-${jobSpan?.spanContext().spanId}-01`,
      correlationId: 'req-jobtrace',
    });
  });
});

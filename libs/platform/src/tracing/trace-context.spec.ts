import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';

import { tracingWanted } from './start-tracing';
import { currentTraceId, inConsumerSpan, inJobSpan, inPublishSpans, traceHeaders } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PRODUCER_SPAN = '00f067aa0ba902b7';

describe('tracingWanted (traces are off unless an OTLP endpoint is set)', () => {
  it('is on with OTEL_EXPORTER_OTLP_ENDPOINT or the traces endpoint, off without, and off when the SDK is disabled', () => {
    expect(tracingWanted({})).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });
});

describe('trace context while tracing is off (no SDK registered)', () => {
  it('adds no header and runs the work as it is', async () => {
    expect(traceHeaders()).toEqual({});
    expect(currentTraceId()).toBeUndefined();
    await expect(inConsumerSpan({ traceparent: `00-${TRACE_ID}-${PRODUCER_SPAN}-01` }, 'process x', {}, async () => 42)).resolves.toBe(42);
  });
});

describe('trace context through the outbox headers, the relay’s publish spans and jobs (SDK registered, spans kept in memory)', () => {
  const exporter = new node.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({ spanProcessors: [new node.SimpleSpanProcessor(exporter)] });

  beforeAll(() => provider.register());
  afterEach(() => exporter.reset());
  afterAll(() => provider.shutdown());

  it('writes the active span as a W3C traceparent, and none outside a span', () => {
    expect(traceHeaders()).toEqual({});
    const span = trace.getTracer('test').startSpan('POST /petitions');
    const headers = trace.getTracer('test').startActiveSpan('handler', (active) => {
      const h = traceHeaders();
      expect(currentTraceId()).toBe(active.spanContext().traceId);
      active.end();
      return h;
    });
    span.end();
    expect(Object.keys(headers)).toEqual(['traceparent']);
    expect(headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('runs the work in a CONSUMER span that continues the producer’s trace, with its attributes', async () => {
    const seen = await inConsumerSpan(
      { traceparent: `00-${TRACE_ID}-${PRODUCER_SPAN}-01` },
      'process petition.registered',
      { 'sunshine.event.type': 'petition.registered' },
      async () => ({
        traceId: currentTraceId(),
        headers: traceHeaders(),
      }),
    );
    const [span] = exporter.getFinishedSpans();
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    expect(span?.name).toBe('process petition.registered');
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(PRODUCER_SPAN);
    expect(span?.attributes).toEqual({ 'sunshine.event.type': 'petition.registered' });
    // What the handler writes to its outbox continues the same trace, under the consumer span.
    expect(seen.traceId).toBe(TRACE_ID);
    expect(seen.headers).toEqual({ traceparent: `00-${TRACE_ID}-${span?.spanContext().spanId}-01` });
  });

  it('starts a new trace when the message carries none, and marks a failed handler as an error', async () => {
    await expect(
      inConsumerSpan({ 'correlation-id': 'c-1' }, 'process case.dispatched', {}, async () => {
        throw new Error('单位不存在');
      }),
    ).rejects.toThrow('单位不存在');
    const [span] = exporter.getFinishedSpans();
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.spanContext().traceId).not.toBe(TRACE_ID);
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: '单位不存在' });
    expect(span?.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('sends traced rows under a PRODUCER span each (the new traceparent names it), untraced rows as they are', async () => {
    const sent = await inPublishSpans(
      [
        {
          headers: { 'event-id': 'e-1', traceparent: `00-${TRACE_ID}-${PRODUCER_SPAN}-01` },
          name: 'publish petition.registered',
          attributes: { 'messaging.system': 'kafka' },
        },
        { headers: { 'event-id': 'e-2' }, name: 'publish unit.updated', attributes: {} },
      ],
      async (headers) => headers,
    );
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['publish petition.registered']);
    const [publish] = spans;
    expect(publish?.kind).toBe(SpanKind.PRODUCER);
    expect(publish?.spanContext().traceId).toBe(TRACE_ID);
    expect(publish?.parentSpanContext?.spanId).toBe(PRODUCER_SPAN);
    expect(sent).toEqual([{ 'event-id': 'e-1', traceparent: `00-${TRACE_ID}-${publish?.spanContext().spanId}-01` }, { 'event-id': 'e-2' }]);
  });

  it('marks the publish spans as errors when the send fails, and rethrows', async () => {
    await expect(
      inPublishSpans(
        [{ headers: { traceparent: `00-${TRACE_ID}-${PRODUCER_SPAN}-01` }, name: 'publish case.dispatched', attributes: {} }],
        async () => {
          throw new Error('NOT_ENOUGH_REPLICAS');
        },
      ),
    ).rejects.toThrow('NOT_ENOUGH_REPLICAS');
    expect(exporter.getFinishedSpans().map((s) => s.status)).toEqual([{ code: SpanStatusCode.ERROR, message: 'NOT_ENOUGH_REPLICAS' }]);
  });

  it('runs a job carrying a trace context in a CONSUMER span of that trace, and a job without one untraced', async () => {
    const inside = await inJobSpan(
      { traceparent: `00-${TRACE_ID}-${PRODUCER_SPAN}-01` },
      'process job q/wake',
      { 'sunshine.job.name': 'wake' },
      async () => currentTraceId(),
    );
    expect(inside).toBe(TRACE_ID);
    const outside = await inJobSpan(undefined, 'process job q/scan', {}, async () => currentTraceId());
    expect(outside).toBeUndefined();
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => [s.name, s.kind, s.parentSpanContext?.spanId])).toEqual([
      ['process job q/wake', SpanKind.CONSUMER, PRODUCER_SPAN],
    ]);
  });
});

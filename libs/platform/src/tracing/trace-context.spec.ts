import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';

import { tracingWanted } from './start-tracing';
import { currentTraceId, inConsumerSpan, traceHeaders } from './trace-context';

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

describe('trace context through the outbox headers (SDK registered, spans kept in memory)', () => {
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
});

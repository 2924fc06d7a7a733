import { type Attributes, context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** The tracer of the platform's own spans (Kafka consumption); a no-op while tracing is off. */
const tracer = () => trace.getTracer('@sunshine/platform');

/**
 * The W3C trace context of the current span as message headers (`traceparent`, and `tracestate` when there is one):
 * the outbox stores them with the event so the consumer continues the trace. Empty when tracing is off or nothing is
 * traced.
 */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The current trace id (32 hex digits), for log lines; undefined when nothing is traced. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && span?.isRecording() ? id : undefined;
}

/**
 * Runs `work` in a CONSUMER span whose parent is the trace context in `headers` (the producer's request or handler),
 * or a new trace when they carry none. Whatever `work` does (SQL, HTTP calls, outbox rows) is part of that trace. The
 * span ends with `work`; a throw marks it as an error and is rethrown.
 */
export function inConsumerSpan<T>(
  headers: Readonly<Record<string, string>>,
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

import { type Attributes, context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** The tracer of the platform's own spans (Kafka publishing and consumption, jobs); a no-op while tracing is off. */
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

/** One message the outbox relay publishes: its stored headers and what its PRODUCER span says about it. */
export interface PublishedMessage {
  readonly headers: Readonly<Record<string, string>>;
  readonly name: string;
  readonly attributes: Attributes;
}

/**
 * Runs `send` (the relay's publish of a batch) with a PRODUCER span per message that carries a trace in its stored
 * headers (the request's or handler's), each the child of that trace; `send` gets the messages' headers with
 * `traceparent` now naming the publish span, so the consumer's span is the publish span's child. Messages without a
 * trace (written outside any traced work) get no span and keep their headers. The spans end with `send`; a throw marks
 * them as errors and is rethrown.
 */
export async function inPublishSpans<T>(
  messages: readonly PublishedMessage[],
  send: (headers: ReadonlyArray<Record<string, string>>) => Promise<T>,
): Promise<T> {
  const spans: Span[] = [];
  const headers = messages.map((m) => {
    const parent = propagation.extract(ROOT_CONTEXT, m.headers);
    if (!trace.getSpanContext(parent)) return { ...m.headers };
    const span = tracer().startSpan(m.name, { kind: SpanKind.PRODUCER, attributes: m.attributes }, parent);
    spans.push(span);
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), carrier);
    return { ...m.headers, ...carrier };
  });
  try {
    return await send(headers);
  } catch (error) {
    for (const span of spans) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    }
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * Runs a BullMQ job's processor in a CONSUMER span continuing the trace its data carries (`traceContext`, stamped by
 * withCorrelation when the job was added inside traced work), so whatever the job does (SQL, events through the outbox)
 * is part of that trace again. A job without one (a repeatable sweep) runs as it is: pollers make no traces of their own.
 */
export function inJobSpan<T>(
  traceContext: Readonly<Record<string, string>> | undefined,
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  if (!traceContext || !trace.getSpanContext(propagation.extract(ROOT_CONTEXT, traceContext))) return work();
  return inConsumerSpan(traceContext, name, attributes, work);
}

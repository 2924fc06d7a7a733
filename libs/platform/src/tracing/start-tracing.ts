import type * as OtlpProto from '@opentelemetry/exporter-trace-otlp-proto';
import type * as Fastify from '@opentelemetry/instrumentation-fastify';
import type * as Http from '@opentelemetry/instrumentation-http';
import type * as IORedis from '@opentelemetry/instrumentation-ioredis';
import type * as Pg from '@opentelemetry/instrumentation-pg';
import type * as Undici from '@opentelemetry/instrumentation-undici';
import type * as SdkNode from '@opentelemetry/sdk-node';

import { requestCorrelation } from '../correlation/request-correlation';

/** Incoming requests never traced: probes and scrapes (they would be most of the spans and say nothing). */
const UNTRACED_PATHS = ['/health', '/metrics'];

let sdk: SdkNode.NodeSDK | undefined;

/** Whether the environment asks for traces: an OTLP endpoint is set and the SDK is not disabled. */
export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  return Boolean(endpoint) && env['OTEL_SDK_DISABLED'] !== 'true';
}

/**
 * OpenTelemetry traces (链路追踪) for one service, off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set: the Node SDK with an OTLP/HTTP protobuf exporter and the HTTP server and
 * client, fetch (undici), Fastify, PostgreSQL and ioredis instrumentations. It must run before any of those modules is
 * loaded (each service's `src/tracing.ts`, the first import of its main.ts). Database, Redis and fetch spans are made
 * only inside a traced request or handler, so pollers (outbox relay, BullMQ) make no traces of their own. Kafka
 * carries the context in the outbox's `traceparent` header (traceHeaders, inConsumerSpan), not through an
 * instrumentation. Metrics stay on Prometheus and logs on pino: the SDK exports traces only.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || !tracingWanted(env)) return false;
  // Loaded only when tracing is on: a service without it loads none of the SDK.
  const { NodeSDK: Sdk } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto') as typeof OtlpProto;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof Http;
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof Undici;
  const { FastifyInstrumentation } = require('@opentelemetry/instrumentation-fastify') as typeof Fastify;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof Pg;
  const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof IORedis;
  sdk = new Sdk({
    serviceName: env['OTEL_SERVICE_NAME'] || service,
    traceExporter: new OTLPTraceExporter(),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.some((p) => (request.url ?? '').startsWith(p)),
        requireParentforOutgoingSpans: true,
        // The request's correlation id (chosen by the correlation hook, echoed on the response) links logs and events.
        applyCustomAttributesOnSpan: (span, request) => {
          const correlationId = requestCorrelation(request);
          if (correlationId) span.setAttribute('sunshine.correlation_id', correlationId);
        },
      }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new FastifyInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return true;
}

/** Exports the spans still buffered (the batch processor sends every few seconds); called when the service stops. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown().catch(() => undefined);
}

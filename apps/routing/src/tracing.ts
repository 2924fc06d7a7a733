// main.ts's first import: OpenTelemetry starts before http, fastify, pg and ioredis load (off unless
// OTEL_EXPORTER_OTLP_ENDPOINT is set; docs/operations.md "Traces").
import { startTracing } from '@sunshine/platform/tracing';

startTracing('routing');

// The entry each service's src/tracing.ts imports before anything else (`@sunshine/platform/tracing`): it must load
// nothing that the instrumentations patch (http, fastify, pg, ioredis).
export { startTracing, stopTracing, tracingWanted } from './start-tracing';

// Tracing test (issue 19): Jaeger v2 built from the Go module proxy by deploy/local/jaeger.sh, then a registration
// traced from intake through Kafka into routing and read back from Jaeger's query API. Kept out of `npm test`: the
// first build of Jaeger on a fresh machine takes many minutes (cached afterwards): `npm run test:tracing`. Beside it,
// e2e/*.tracing-spec.ts: the trace through a BullMQ job and out again (real Redis, spans kept in memory).
module.exports = require('./jest.base')({
  displayName: 'tracing',
  testMatch: ['<rootDir>/e2e/tracing.e2e-spec.ts', '<rootDir>/e2e/*.tracing-spec.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
});

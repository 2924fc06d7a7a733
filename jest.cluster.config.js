// Kafka cluster tests (issue 19): a 3-node KRaft cluster of their own (deploy/local/kafka-cluster.sh, beside the
// shared broker) with a broker killed under load, and MirrorMaker 2 mirroring a city's case log to a province cluster
// (deploy/local/kafka-mirror.sh). Minutes each, several JVMs: `npm run test:cluster` (after `npm run build`), not in
// `npm test`.
module.exports = require('./jest.base')({
  displayName: 'cluster',
  testMatch: ['<rootDir>/e2e/**/*.cluster-spec.ts'],
  testTimeout: 900000,
  maxWorkers: 1,
});

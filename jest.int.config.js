// Integration tests: real Kafka, PostgreSQL and Redis started by deploy/local/infra.sh.
module.exports = require('./jest.base')({
  displayName: 'int',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  // Needs Keycloak: npm run test:identity (jest.identity.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/keycloak\\.int-spec\\.ts$'],
  testTimeout: 120000,
  // Two suites side by side: each has its own schemas, topics, groups and queues (a per-run prefix), and most of a
  // suite's time is waiting on Kafka group joins, leases and timers, not CPU (one at a time took 715 s on the CI machine).
  maxWorkers: 2,
});

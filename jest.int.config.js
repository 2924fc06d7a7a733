// Integration tests: real Kafka, PostgreSQL and Redis started by deploy/local/infra.sh.
module.exports = require('./jest.base')({
  displayName: 'int',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
});

// Integration tests: real Kafka, PostgreSQL and Redis started by deploy/local/infra.sh.
module.exports = require('./jest.base')({
  displayName: 'int',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  // Needs Keycloak: npm run test:identity (jest.identity.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/keycloak\\.int-spec\\.ts$'],
  testTimeout: 120000,
  maxWorkers: 1,
});

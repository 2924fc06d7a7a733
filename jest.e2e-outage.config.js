// End-to-end tests that stop shared infrastructure (e2e/platform-boot: PostgreSQL stopped under the running services):
// alone, after the others, so no suite running beside them sees the outage.
module.exports = require('./jest.base')({
  displayName: 'e2e-outage',
  testMatch: ['<rootDir>/e2e/platform-boot.e2e-spec.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
});

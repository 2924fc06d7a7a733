// End-to-end tests: the five services as separate processes from their build output.
module.exports = require('./jest.base')({
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  // e2e/tracing.e2e-spec.ts needs Jaeger (a long first build): `npm run test:tracing` (jest.tracing.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/tracing.e2e-spec.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
});

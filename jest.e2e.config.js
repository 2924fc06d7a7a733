// End-to-end tests: the five services as separate processes from their build output.
module.exports = require('./jest.base')({
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  // e2e/tracing.e2e-spec.ts needs Jaeger (a long first build): `npm run test:tracing` (jest.tracing.config.js).
  // e2e/platform-boot.e2e-spec.ts stops PostgreSQL: alone, after the others (jest.e2e-outage.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/tracing.e2e-spec.ts', '<rootDir>/e2e/platform-boot.e2e-spec.ts'],
  testTimeout: 300000,
  // Two suites side by side: each has its own schemas, topic prefix, groups and free ports (ServiceHarness), and most of
  // a suite's time is waiting on consumers and clocks, not CPU (one at a time took 474–583 s).
  maxWorkers: 2,
});

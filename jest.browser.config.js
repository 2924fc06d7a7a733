// Browser tests of the staff console: Debian's chromium driven by playwright-core, through nginx, against the five
// services as processes (the build output: run `bash deploy/local/build.sh` first).
module.exports = require('./jest.base')({
  displayName: 'browser',
  testMatch: ['<rootDir>/e2e/**/*.browser-spec.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
});

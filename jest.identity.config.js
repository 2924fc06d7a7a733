// Identity tests (issue 18): Keycloak started by deploy/local/keycloak.sh; routing verifying its tokens by JWKS; the
// console (nginx, chromium) signing in through Keycloak's login page; a service call with a client-credentials token.
// Kept out of `npm test` (its first run fetches and starts Keycloak: well over 90 s): `npm run test:identity`.
module.exports = require('./jest.base')({
  displayName: 'identity',
  testMatch: ['<rootDir>/apps/routing/test/keycloak.int-spec.ts', '<rootDir>/e2e/**/*.identity-spec.ts'],
  testTimeout: 240000,
  maxWorkers: 1,
});

// Identity test (issue 18): Keycloak started by deploy/local/keycloak.sh, then routing verifying its tokens by JWKS.
// Kept out of `npm test` (its first run fetches and starts Keycloak: well over 90 s): `npm run test:identity`.
module.exports = require('./jest.base')({
  displayName: 'identity',
  testMatch: ['<rootDir>/apps/routing/test/keycloak.int-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
});

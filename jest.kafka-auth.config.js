// Kafka authentication and ACLs (issue 18): a SASL/SCRAM broker with the StandardAuthorizer of the test's own
// (deploy/local/kafka-secure.sh, beside the shared PLAINTEXT broker), the generated ACL table applied, routing started
// from dist/ with its credentials. A JVM start (30 s to minutes on a loaded machine): `npm run test:kafka-auth`
// (after `npm run build`), not in `npm test`.
module.exports = require('./jest.base')({
  displayName: 'kafka-auth',
  testMatch: ['<rootDir>/e2e/**/*.kafka-auth-spec.ts'],
  testTimeout: 240000,
  maxWorkers: 1,
});

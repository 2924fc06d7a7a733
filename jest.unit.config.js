// Unit tests: beside the code, no infrastructure.
module.exports = require('./jest.base')({
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
});

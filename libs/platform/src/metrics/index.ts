export * from './metrics.registry';
export * from './metrics.module';
export * from './http-metrics';
export * from './handler-duration';
export { partitionLags, type PartitionLag } from './platform-collectors';
export * from './sql-gauge';

export * from './handler-duration';
export * from './http-metrics';
export * from './metrics.module';
export * from './metrics.registry';
export { type PartitionLag, partitionLags } from './platform-collectors';
export * from './sql-gauge';

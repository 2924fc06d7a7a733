import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';

import { caseReplica } from '../case-replica/case-replica.module';
import type { PlatformConfig } from '../config/platform-config';
import type { DatabaseOptions } from '../database/database.module';
import { DIRECTORY_REPLICA } from '../directory/directory-replica.module';
import { REFERENCE_DATA_REPLICA } from '../reference/reference-data.module';
import { PlatformModule } from './platform.module';
import type { ServiceReplica } from './service-replica';

/** What a service's root module declares: its tables and replicas (PlatformModule's), and its own feature modules. */
export interface ServiceModuleOptions {
  readonly database: DatabaseOptions;
  readonly imports?: NonNullable<ModuleMetadata['imports']>;
}

/** A service's root module class: `forRoot(config, …args)` stands the service's modules on PlatformModule. */
export interface ServiceModuleClass<A extends unknown[]> {
  new (): object;
  forRoot(config: PlatformConfig, ...args: A): DynamicModule;
}

/**
 * The one way a service declares its root module: `export class AppModule extends ServiceModule((config, …) => ({
 * database: { replicas, migrations }, imports: [FeatureModule, …] })) {}`; main.ts and tests call
 * `AppModule.forRoot(config, …)`, which imports `PlatformModule.forRoot(config, database)` then the service's modules.
 */
export function ServiceModule<A extends unknown[] = []>(
  declare: (config: PlatformConfig, ...args: A) => ServiceModuleOptions,
): ServiceModuleClass<A> {
  @Module({})
  class ServiceRootModule {
    static forRoot(this: new () => object, config: PlatformConfig, ...args: A): DynamicModule {
      const { database, imports = [] } = declare(config, ...args);
      return { module: this, imports: [PlatformModule.forRoot(config, database), ...imports] };
    }
  }
  return ServiceRootModule;
}

/**
 * The replicas a service keeps unless it owns one of them (routing owns the directory): the organisation directory, the
 * reference data, and every case, folded with the shared evolve and visible by the one rule (docs/architecture.md).
 */
export function standardReplicas(): ServiceReplica[] {
  return [DIRECTORY_REPLICA, REFERENCE_DATA_REPLICA, caseReplica()];
}

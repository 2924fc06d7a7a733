import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { CaseCommands } from './case-commands.service';
import { CaseEmitter } from './case-emitter.service';
import { CaseReactions } from './case-reactions';
import { CaseReplica1764600000000 } from './case-replica.migration';
import { CaseReplicaConsumer } from './case-replica.consumer';
import { CaseReplicaStore } from './case-replica.store';
import { CaseVisibility } from './case-visibility.service';

/** Migrations to list in the service's DatabaseOptions when it imports CaseReplicaModule. */
export const CASE_REPLICA_MIGRATIONS = [CaseReplica1764600000000];

const PROVIDERS = [CaseReplicaStore, CaseReactions, CaseEmitter, CaseVisibility, CaseCommands];

/**
 * A service's copy of every case (the shared fold), its one case-log consumer, the emitter, visibility and the staff
 * command runner. `imports` must provide OrgDirectorySource (DirectoryReplicaModule does; routing binds its own) and may
 * provide CaseDueResolver. Import once, globally: `CaseReplicaModule.register({ imports: [DirectoryReplicaModule] })`.
 */
@Module({})
export class CaseReplicaModule {
  static register(options: { imports: ModuleMetadata['imports']; providers?: ModuleMetadata['providers'] }): DynamicModule {
    return {
      module: CaseReplicaModule,
      global: true,
      imports: options.imports,
      controllers: [CaseReplicaConsumer],
      providers: [...PROVIDERS, ...(options.providers ?? [])],
      exports: PROVIDERS,
    };
  }
}

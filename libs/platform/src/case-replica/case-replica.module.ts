import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { Topics } from '@sunshine/contracts';

import type { ServiceReplica } from '../bootstrap/service-replica';
import { DirectoryReplicaModule } from '../directory/directory-replica.module';
import { CaseCommands } from './case-commands.service';
import { CaseEmitter } from './case-emitter.service';
import { CaseLists } from './case-lists';
import { CaseReactions } from './case-reactions';
import { CaseReplicaConsumer } from './case-replica.consumer';
import { CaseReplica1764600000000 } from './case-replica.migration';
import { CaseReplicaStore } from './case-replica.store';
import { CaseReplicaCaseNumber1796282660000 } from './case-replica-case-number.migration';
import { CaseReplicaIndexes1765100000000 } from './case-replica-indexes.migration';
import { CaseVisibility } from './case-visibility.service';

const PROVIDERS = [CaseReplicaStore, CaseReactions, CaseEmitter, CaseVisibility, CaseCommands, CaseLists];

/** What the case replica needs from its service: OrgDirectorySource (from `imports`), optionally a CaseDueResolver. */
export interface CaseReplicaOptions {
  readonly imports: ModuleMetadata['imports'];
  readonly providers?: ModuleMetadata['providers'];
}

/**
 * A service's copy of every case (the shared fold), its one case-log consumer, the emitter, visibility and the staff
 * command runner. `imports` must provide OrgDirectorySource (DirectoryReplicaModule does; routing binds its own) and may
 * provide CaseDueResolver. Kept once, globally: `caseReplica()` in the service's replicas.
 */
@Module({})
export class CaseReplicaModule {
  static register(options: CaseReplicaOptions): DynamicModule {
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

/**
 * The case replica as a service keeps it (`PlatformModule.forRoot(config, { replicas: [caseReplica(), …] })`), its
 * directory the directory replica unless the service binds its own (routing).
 */
export function caseReplica(options: CaseReplicaOptions = { imports: [DirectoryReplicaModule] }): ServiceReplica {
  return {
    module: CaseReplicaModule.register(options),
    topic: Topics.caseLog,
    entities: [],
    migrations: [CaseReplica1764600000000, CaseReplicaIndexes1765100000000, CaseReplicaCaseNumber1796282660000],
  };
}

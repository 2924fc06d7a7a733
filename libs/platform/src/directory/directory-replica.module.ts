import { Module } from '@nestjs/common';
import { DirectoryReplicaController } from './directory-replica.controller';
import { DirectoryUnitEntity } from './directory-unit.entity';
import { DirectoryReplica1763780000001 } from './directory-replica.migration';
import { DirectoryReplicaService } from './directory-replica.service';
import { OrgDirectorySource } from './org-directory.source';
import { ReplicaDirectorySource } from './replica-directory.source';

/** Entities and migrations to list in the service's DatabaseOptions when it imports DirectoryReplicaModule. */
export const DIRECTORY_REPLICA_ENTITIES = [DirectoryUnitEntity];
export const DIRECTORY_REPLICA_MIGRATIONS = [DirectoryReplica1763780000001];

/** A service's read-only copy of the organisation directory, fed by the org-directory topic. */
@Module({
  controllers: [DirectoryReplicaController],
  providers: [DirectoryReplicaService, { provide: OrgDirectorySource, useClass: ReplicaDirectorySource }],
  exports: [DirectoryReplicaService, OrgDirectorySource],
})
export class DirectoryReplicaModule {}

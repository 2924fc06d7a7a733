import { Module } from '@nestjs/common';
import { Topics } from '@sunshine/contracts';

import type { ServiceReplica } from '../bootstrap/service-replica';
import { DirectoryReplicaController } from './directory-replica.controller';
import { DirectoryReplica1763780000001, DirectoryReplicaStamp1796500000000 } from './directory-replica.migration';
import { DirectoryReplicaService } from './directory-replica.service';
import { DirectoryUnitEntity } from './directory-unit.entity';
import { OrgDirectorySource } from './org-directory.source';
import { ReplicaDirectorySource } from './replica-directory.source';

/** A service's read-only copy of the organisation directory, fed by the org-directory topic. */
@Module({
  controllers: [DirectoryReplicaController],
  providers: [DirectoryReplicaService, { provide: OrgDirectorySource, useClass: ReplicaDirectorySource }],
  exports: [DirectoryReplicaService, OrgDirectorySource],
})
export class DirectoryReplicaModule {}

/** The directory replica as a service keeps it (`PlatformModule.forRoot(config, { replicas: [DIRECTORY_REPLICA, …] })`). */
export const DIRECTORY_REPLICA: ServiceReplica = {
  module: DirectoryReplicaModule,
  topic: Topics.orgDirectory,
  entities: [DirectoryUnitEntity],
  migrations: [DirectoryReplica1763780000001, DirectoryReplicaStamp1796500000000],
};

import { Global, Module } from '@nestjs/common';
import { Topics } from '@sunshine/contracts';

import type { ServiceReplica } from '../bootstrap/service-replica';
import { DeadlineContextSource } from './deadline-context.source';
import { ReferenceDataController } from './reference-data.controller';
import { ReferenceDataEntity } from './reference-data.entity';
import { ReferenceData1763900000000 } from './reference-data.migration';
import { ReferenceDataPublisher } from './reference-data.publisher';
import { ReferenceDataService } from './reference-data.service';
import { ReferencePublicationEntity } from './reference-publication.entity';

/** The reference-data tables: the replica and the owners' publications. */
export const REFERENCE_DATA_ENTITIES = [ReferenceDataEntity, ReferencePublicationEntity];
export const REFERENCE_DATA_MIGRATIONS = [ReferenceData1763900000000];

/**
 * A service's replica of the reference data, fed by the reference-data topic, and the publisher its owners use.
 * Global: kept once (REFERENCE_DATA_REPLICA in the service's replicas), every module can then inject
 * `DeadlineContextSource`, `ReferenceDataService` and `ReferenceDataPublisher`.
 */
@Global()
@Module({
  controllers: [ReferenceDataController],
  providers: [ReferenceDataService, { provide: DeadlineContextSource, useExisting: ReferenceDataService }, ReferenceDataPublisher],
  exports: [ReferenceDataService, DeadlineContextSource, ReferenceDataPublisher],
})
export class ReferenceDataModule {}

/** The reference data as a service keeps it (`PlatformModule.forRoot(config, { replicas: [REFERENCE_DATA_REPLICA, …] })`). */
export const REFERENCE_DATA_REPLICA: ServiceReplica = {
  module: ReferenceDataModule,
  topic: Topics.referenceData,
  entities: REFERENCE_DATA_ENTITIES,
  migrations: REFERENCE_DATA_MIGRATIONS,
};

import { Global, Module } from '@nestjs/common';
import { DeadlineContextSource } from './deadline-context.source';
import { ReferenceDataController } from './reference-data.controller';
import { ReferenceDataEntity } from './reference-data.entity';
import { ReferenceData1763900000000 } from './reference-data.migration';
import { ReferenceDataPublisher } from './reference-data.publisher';
import { ReferenceDataService } from './reference-data.service';
import { ReferencePublicationEntity } from './reference-publication.entity';

/** Entities and migrations to list in the service's DatabaseOptions when it imports ReferenceDataModule. */
export const REFERENCE_DATA_ENTITIES = [ReferenceDataEntity, ReferencePublicationEntity];
export const REFERENCE_DATA_MIGRATIONS = [ReferenceData1763900000000];

/**
 * A service's replica of the reference data, fed by the reference-data topic (add `Topics.referenceData` to the
 * topics it consumes), and the publisher its owners use. Global: import it once, in the app module; every module
 * can then inject `DeadlineContextSource`, `ReferenceDataService` and `ReferenceDataPublisher`.
 */
@Global()
@Module({
  controllers: [ReferenceDataController],
  providers: [ReferenceDataService, { provide: DeadlineContextSource, useExisting: ReferenceDataService }, ReferenceDataPublisher],
  exports: [ReferenceDataService, DeadlineContextSource, ReferenceDataPublisher],
})
export class ReferenceDataModule {}

import { Global, Module } from '@nestjs/common';
import { DirectoryReplicaModule } from '@sunshine/platform';
import { CaseEventWriter } from './case-event.writer';
import { CaseProjectionStore } from './case-projection.store';
import { IntakeDirectoryService } from './intake-directory.service';
import { PetitionRepository } from './petition.repository';
import { PetitionerRepository } from './petitioner.repository';
import { StaffScopeService } from './staff-scope.service';

const PROVIDERS = [CaseEventWriter, CaseProjectionStore, IntakeDirectoryService, PetitionRepository, PetitionerRepository, StaffScopeService];

/** What every intake feature stands on: the stores, the directory, the event writer, the staff scope. */
@Global()
@Module({
  imports: [DirectoryReplicaModule],
  providers: PROVIDERS,
  exports: [...PROVIDERS, DirectoryReplicaModule],
})
export class IntakeCoreModule {}

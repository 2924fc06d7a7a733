import { Global, Module } from '@nestjs/common';
import { DirectoryReplicaModule } from '@sunshine/platform';

import { IdempotencyService } from './idempotency.service';
import { OneTimeCodes } from './one-time-codes';
import { PetitionRepository } from './petition.repository';
import { PetitionerRepository } from './petitioner.repository';
import { RegistrationCommands } from './registration-commands.service';
import { StaffScopeService } from './staff-scope.service';

const PROVIDERS = [PetitionRepository, PetitionerRepository, StaffScopeService, RegistrationCommands, IdempotencyService, OneTimeCodes];

/**
 * What every intake feature stands on: the petition stores, the staff scope, registration changes and the directory (OrgDirectorySource).
 * The case itself (replica, emitter, visibility, commands) comes from the platform's global CaseReplicaModule.
 */
@Global()
@Module({
  imports: [DirectoryReplicaModule],
  providers: PROVIDERS,
  exports: [...PROVIDERS, DirectoryReplicaModule],
})
export class IntakeCoreModule {}

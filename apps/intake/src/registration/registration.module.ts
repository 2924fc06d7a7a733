import { Module } from '@nestjs/common';
import { DirectoryReplicaModule } from '@sunshine/platform';
import { CaseNumberService } from './case-number.service';
import { PetitionRepository } from './petition.repository';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

@Module({
  imports: [DirectoryReplicaModule],
  controllers: [RegistrationController],
  providers: [RegistrationService, PetitionRepository, CaseNumberService],
})
export class RegistrationModule {}

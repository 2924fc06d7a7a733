import { Module, type DynamicModule } from '@nestjs/common';
import {
  DIRECTORY_REPLICA_ENTITIES,
  DIRECTORY_REPLICA_MIGRATIONS,
  DirectoryReplicaModule,
  PlatformModule,
  type PlatformConfig,
} from '@sunshine/platform';
import { CryptoModule } from './crypto/crypto.module';
import type { IntakeConfig } from './intake-config';
import { IntakeInitial1763800000000 } from './migrations/1763800000000-intake-initial';
import { RegistrationModule } from './registration/registration.module';

/** The intake service: 信访登记 — registrations, the dossier, case numbers and query codes, citizen self-service. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig, intake: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, {
          entities: [...DIRECTORY_REPLICA_ENTITIES],
          migrations: [...DIRECTORY_REPLICA_MIGRATIONS, IntakeInitial1763800000000],
        }),
        CryptoModule.forRoot(intake),
        DirectoryReplicaModule,
        RegistrationModule,
      ],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import {
  CASE_REPLICA_MIGRATIONS,
  CaseReplicaModule,
  DIRECTORY_REPLICA_ENTITIES,
  DIRECTORY_REPLICA_MIGRATIONS,
  DirectoryReplicaModule,
  PlatformModule,
  REFERENCE_DATA_ENTITIES,
  REFERENCE_DATA_MIGRATIONS,
  ReferenceDataModule,
  type PlatformConfig,
} from '@sunshine/platform';

/** The notification service: 通知 notification: notices and deliveries. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, {
          entities: [...REFERENCE_DATA_ENTITIES, ...DIRECTORY_REPLICA_ENTITIES],
          migrations: [...REFERENCE_DATA_MIGRATIONS, ...DIRECTORY_REPLICA_MIGRATIONS, ...CASE_REPLICA_MIGRATIONS],
        }),
        ReferenceDataModule,
        // Every case, folded with the shared evolve and visible by the one rule: one import (docs/architecture.md).
        CaseReplicaModule.register({ imports: [DirectoryReplicaModule] }),
      ],
    };
  }
}

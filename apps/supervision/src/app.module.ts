import { Module, type DynamicModule } from '@nestjs/common';
import {
  DIRECTORY_REPLICA_ENTITIES,
  DIRECTORY_REPLICA_MIGRATIONS,
  DirectoryReplicaModule,
  PlatformModule,
  type PlatformConfig,
} from '@sunshine/platform';
import { CityViewModule } from './city-view/city-view.module';
import { SupervisionInitial1763820000000 } from './migrations/1763820000000-supervision-initial';

/** The supervision service: 督查督办 — clocks, orders, escalation, the city view. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, {
          entities: [...DIRECTORY_REPLICA_ENTITIES],
          migrations: [...DIRECTORY_REPLICA_MIGRATIONS, SupervisionInitial1763820000000],
        }),
        DirectoryReplicaModule,
        CityViewModule,
      ],
    };
  }
}

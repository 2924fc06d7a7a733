import { Module, type DynamicModule } from '@nestjs/common';
import { caseReplica, DIRECTORY_REPLICA, PlatformModule, REFERENCE_DATA_REPLICA, type PlatformConfig } from '@sunshine/platform';

/** The notification service: 通知 notification: notices and deliveries. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Every case, folded with the shared evolve and visible by the one rule (docs/architecture.md).
        PlatformModule.forRoot(config, { replicas: [DIRECTORY_REPLICA, REFERENCE_DATA_REPLICA, caseReplica()] }),
      ],
    };
  }
}

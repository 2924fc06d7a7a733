import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@sunshine/platform';

/** The notification service: 通知 notification: notices and deliveries. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })],
    };
  }
}

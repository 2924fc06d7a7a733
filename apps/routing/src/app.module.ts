import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@sunshine/platform';

/** The routing service: 转送交办 routing: org directory, dispatch, unit inbox and actions. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })],
    };
  }
}

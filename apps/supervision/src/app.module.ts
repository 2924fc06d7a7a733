import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@sunshine/platform';

/** The supervision service: 督查督办 supervision: clocks, orders, escalation, the city view. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })],
    };
  }
}

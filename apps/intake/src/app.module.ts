import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@sunshine/platform';

/** The intake service: 信访登记 intake: registrations, the dossier, citizen self-service. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })],
    };
  }
}

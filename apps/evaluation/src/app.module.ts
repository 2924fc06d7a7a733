import { Module, type DynamicModule } from '@nestjs/common';
import {
  PlatformModule,
  REFERENCE_DATA_ENTITIES,
  REFERENCE_DATA_MIGRATIONS,
  ReferenceDataModule,
  type PlatformConfig,
} from '@sunshine/platform';

/** The evaluation service: 考核评价 evaluation: KPIs, rankings, reports. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, { entities: [...REFERENCE_DATA_ENTITIES], migrations: [...REFERENCE_DATA_MIGRATIONS] }),
        ReferenceDataModule,
      ],
    };
  }
}

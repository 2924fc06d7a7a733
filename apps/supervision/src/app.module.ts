import { Module, type DynamicModule } from '@nestjs/common';
import { caseReplica, DIRECTORY_REPLICA, PlatformModule, REFERENCE_DATA_REPLICA, type PlatformConfig } from '@sunshine/platform';
import { LeadersModule } from './leaders/leaders.module';
import { SupervisionInitial1763820000000 } from './migrations/1763820000000-supervision-initial';
import { SupervisionLedger1763840000000 } from './migrations/1763840000000-supervision-ledger';
import { SupervisionWork1763840000001 } from './migrations/1763840000001-supervision-work';
import { SupervisionCaseReplica1764610000000 } from './migrations/1764610000000-supervision-case-replica';
import { PipelineModule } from './pipeline/pipeline.module';
import { SharedModule } from './shared/shared.module';

/** The supervision service: 督查督办 — clocks, orders, escalation, leaders, backlog, early warnings, the city view. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, {
          replicas: [DIRECTORY_REPLICA, REFERENCE_DATA_REPLICA, caseReplica()],
          migrations: [
            SupervisionInitial1763820000000,
            SupervisionLedger1763840000000,
            SupervisionWork1763840000001,
            SupervisionCaseReplica1764610000000,
          ],
        }),
        SharedModule,
        PipelineModule,
        LeadersModule,
      ],
    };
  }
}

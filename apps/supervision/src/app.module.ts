import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';

import { LeadersModule } from './leaders/leaders.module';
import { SupervisionInitial1763820000000 } from './migrations/1763820000000-supervision-initial';
import { SupervisionLedger1763840000000 } from './migrations/1763840000000-supervision-ledger';
import { SupervisionWork1763840000001 } from './migrations/1763840000001-supervision-work';
import { SupervisionCaseReplica1764610000000 } from './migrations/1764610000000-supervision-case-replica';
import { SupervisionDissatisfaction1764900000000 } from './migrations/1764900000000-supervision-dissatisfaction';
import { SupervisionHotTopics1765400000000 } from './migrations/1765400000000-supervision-hot-topics';
import { PipelineModule } from './pipeline/pipeline.module';
import { SharedModule } from './shared/shared.module';

/** The supervision service: 督查督办 — clocks, orders, escalation, leaders, backlog, early warnings, the city view. */
@Module({})
export class AppModule extends ServiceModule(() => ({
  database: {
    replicas: standardReplicas(),
    migrations: [
      SupervisionInitial1763820000000,
      SupervisionLedger1763840000000,
      SupervisionWork1763840000001,
      SupervisionCaseReplica1764610000000,
      SupervisionDissatisfaction1764900000000,
      SupervisionHotTopics1765400000000,
    ],
  },
  imports: [SharedModule, PipelineModule, LeadersModule],
})) {}

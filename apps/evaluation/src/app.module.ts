import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';
import { EvaluationInitial1764700000000 } from './migrations/1764700000000-evaluation-initial';
import { KpisModule } from './kpis/kpis.module';
import { RankingsModule } from './rankings/rankings.module';
import { RollupsModule } from './rollups/rollups.module';
import { StaffFlagsModule } from './staff-flags/staff-flags.module';

/** The evaluation service: 考核评价 evaluation: KPIs, rankings, reports. */
@Module({})
export class AppModule extends ServiceModule(() => ({
  database: { replicas: standardReplicas(), migrations: [EvaluationInitial1764700000000] },
  imports: [RollupsModule, KpisModule, RankingsModule, StaffFlagsModule],
})) {}

import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';

import { KpisModule } from './kpis/kpis.module';
import { EvaluationInitial1764700000000 } from './migrations/1764700000000-evaluation-initial';
import { EvaluationCountyRollup1764700000001 } from './migrations/1764700000001-evaluation-county-rollup';
import { RankingsModule } from './rankings/rankings.module';
import { ReportsModule } from './reports/reports.module';
import { RollupsModule } from './rollups/rollups.module';
import { StaffFlagsModule } from './staff-flags/staff-flags.module';

/** How the service runs: as itself, or (an ops rebuild) its projections only, announcing nothing. */
export type EvaluationMode = 'service' | 'rebuild';

/** The evaluation service: 考核评价 evaluation: KPIs, rankings, reports. */
@Module({})
export class AppModule extends ServiceModule((_config, mode: EvaluationMode = 'service') => ({
  database: { replicas: standardReplicas(), migrations: [EvaluationInitial1764700000000, EvaluationCountyRollup1764700000001] },
  imports:
    mode === 'rebuild'
      ? [RollupsModule.register({ announce: false })]
      : [RollupsModule.register({ announce: true }), KpisModule, RankingsModule, StaffFlagsModule, ReportsModule],
})) {}

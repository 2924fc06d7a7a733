import { Module } from '@nestjs/common';
import { DirectoryReplicaModule } from '@sunshine/platform';
import { StaffFlagService } from '../staff-flags/staff-flag.service';
import { EvaluationReactions } from './evaluation-reactions';
import { KpiRollupStore } from './kpi-rollup.store';

/** The KPI facts and daily rollups, and the staff ratings, kept by reactions to the case replica. */
@Module({
  imports: [DirectoryReplicaModule],
  providers: [KpiRollupStore, StaffFlagService, EvaluationReactions],
  exports: [KpiRollupStore],
})
export class RollupsModule {}

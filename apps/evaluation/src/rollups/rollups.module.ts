import { Module } from '@nestjs/common';
import { StaffFlagService } from '../staff-flags/staff-flag.service';
import { EvaluationReactions } from './evaluation-reactions';
import { KpiRollupStore } from './kpi-rollup.store';

/** The KPI facts and daily rollups, and the staff ratings, kept by reactions to the case replica. */
@Module({
  providers: [KpiRollupStore, StaffFlagService, EvaluationReactions],
  exports: [KpiRollupStore],
})
export class RollupsModule {}

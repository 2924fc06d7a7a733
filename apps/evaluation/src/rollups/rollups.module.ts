import { type DynamicModule, Module } from '@nestjs/common';
import { DirectoryReplicaModule } from '@sunshine/platform';

import { STAFF_FLAGS_ANNOUNCED, StaffFlagService } from '../staff-flags/staff-flag.service';
import { EvaluationReactions } from './evaluation-reactions';
import { KpiRollupStore } from './kpi-rollup.store';

/** The KPI facts and daily rollups, and the staff ratings and flags, kept by reactions to the case replica. */
@Module({})
export class RollupsModule {
  /** `announce: false` (a rebuild into a fresh schema): the projections only, no `evaluation.staff-flagged` again. */
  static register(options: { announce: boolean }): DynamicModule {
    return {
      module: RollupsModule,
      imports: [DirectoryReplicaModule],
      providers: [KpiRollupStore, StaffFlagService, EvaluationReactions, { provide: STAFF_FLAGS_ANNOUNCED, useValue: options.announce }],
      exports: [KpiRollupStore],
    };
  }
}

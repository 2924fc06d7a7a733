import { Module } from '@nestjs/common';
import { DirectoryReplicaModule } from '@sunshine/platform';

import { KpiCasesService } from './kpi-cases.service';
import { KpiQueryService } from './kpi-query.service';
import { KpiUnitsService } from './kpi-units.service';
import { KpisController } from './kpis.controller';

/** KPI figures from the rollups, per unit and territory, and the cases behind each figure. */
@Module({
  imports: [DirectoryReplicaModule],
  controllers: [KpisController],
  providers: [KpiQueryService, KpiUnitsService, KpiCasesService],
  exports: [KpiQueryService, DirectoryReplicaModule],
})
export class KpisModule {}

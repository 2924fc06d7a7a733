import { Module } from '@nestjs/common';
import { KpiCasesService } from './kpi-cases.service';
import { KpiQueryService } from './kpi-query.service';
import { KpiUnitsService } from './kpi-units.service';
import { KpisController } from './kpis.controller';

/** KPI figures from the rollups, per unit and territory, and the cases behind each figure. */
@Module({
  controllers: [KpisController],
  providers: [KpiQueryService, KpiUnitsService, KpiCasesService],
  exports: [KpiQueryService],
})
export class KpisModule {}

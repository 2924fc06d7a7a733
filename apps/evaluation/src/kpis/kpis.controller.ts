import { Clock, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery, ZodResponse } from '@sunshine/platform';

import {
  dated,
  FIGURE_ROLES,
  figureCasesAskSchema,
  type FigureCasesQuery,
  type KpiAskQuery,
  kpiAskSchema,
  type UnitsAskQuery,
  unitsAskSchema,
} from './kpi-ask.schema';
import { type FigureCase, KpiCasesService } from './kpi-cases.service';
import { KpiQueryService, type KpiReport } from './kpi-query.service';
import { KpiUnitsService } from './kpi-units.service';
import { figureCasesPageSchema, kpiReportSchema, unitFiguresPageSchema } from './kpis.response';

@StaffController('kpis', 'KPIs 考核指标')
export class KpisController {
  constructor(
    private readonly kpis: KpiQueryService,
    private readonly units: KpiUnitsService,
    private readonly figureCases: KpiCasesService,
    private readonly clock: Clock,
  ) {}

  @StaffRoute('GET', '', {
    roles: FIGURE_ROLES,
    summary: '考核指标（含同比、环比） KPIs of a unit or territory for a period, with year-on-year and period-on-period',
  })
  @ZodResponse(kpiReportSchema)
  report(@ZodQuery(kpiAskSchema) q: KpiAskQuery, @Staff() staff: StaffPrincipal): Promise<KpiReport> {
    return this.kpis.report(staff, dated(q, this.clock.now()));
  }

  @StaffRoute('GET', 'units', {
    roles: FIGURE_ROLES,
    summary: '辖区各单位指标及异常提示 Every unit’s KPIs in a territory, with anti-gaming signals',
  })
  @ZodResponse(unitFiguresPageSchema)
  byUnit(@ZodQuery(unitsAskSchema) q: UnitsAskQuery, @Staff() staff: StaffPrincipal) {
    return this.units.units(staff, dated(q, this.clock.now()));
  }

  @StaffRoute('GET', 'cases', {
    roles: FIGURE_ROLES,
    summary: '指标明细：构成该数字的信访事项 The cases behind a figure (visible ones only)',
  })
  @ZodResponse(figureCasesPageSchema)
  cases(
    @ZodQuery(figureCasesAskSchema) q: FigureCasesQuery,
    @Staff() staff: StaffPrincipal,
  ): Promise<{ items: FigureCase[]; total: number }> {
    return this.figureCases.cases(staff, dated(q, this.clock.now()));
  }
}

import { Param, ParseUUIDPipe } from '@nestjs/common';
import { caseStatusSchema, categoryCodeSchema, divisionCodeSchema, petitionTypeSchema, stageSchema } from '@sunshine/contracts';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery, ZodResponse } from '@sunshine/platform';
import { z } from 'zod';

import { CaseQueryService } from './case-query.service';
import type { CityListItem } from './city-list-item';
import { caseViewSchema, cityListPageSchema } from './city-view.response';
import { type CaseView, CityViewService } from './city-view.service';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const listSchema = z.object({
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(caseStatusSchema))
    .optional(),
  stage: stageSchema.optional(),
  type: petitionTypeSchema.optional(),
  category: categoryCodeSchema.optional(),
  holdingUnitId: z.string().min(3).max(96).optional(),
  division: divisionCodeSchema.optional(),
  overdue: bool.optional(),
  supervised: bool.optional(),
  backlog: bool.optional(),
  leaderRef: z.string().min(1).max(96).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

@StaffController('cases', 'city view 全市视图')
export class CityViewController {
  constructor(
    private readonly view: CityViewService,
    private readonly query: CaseQueryService,
  ) {}

  @StaffRoute('GET', '', {
    summary:
      '辖区内信访事项（含事由、承办单位与事发地名称） Cases in my jurisdiction, by status, stage, category, holding unit, overdue …, with the subject (full access only) and names',
  })
  @ZodResponse(cityListPageSchema)
  list(
    @ZodQuery(listSchema) q: z.infer<typeof listSchema>,
    @Staff() staff: StaffPrincipal,
  ): Promise<{ items: CityListItem[]; total: number }> {
    return this.query.list(staff, q);
  }

  @StaffRoute('GET', ':caseId', { summary: '信访事项当前状态、期限与时间线 A case: status, holding unit, clocks, timeline' })
  @ZodResponse(caseViewSchema)
  get(@Param('caseId', ParseUUIDPipe) caseId: string, @Staff() staff: StaffPrincipal): Promise<CaseView> {
    return this.view.get(caseId, staff);
  }
}

import { StaffController, ZodQuery, ZodResponse } from '@sunshine/platform';

import { CitizenRoute } from '../http/citizen-route.decorator';
import { type DivisionListQuery, divisionListQuerySchema } from './division-list.dto';
import { divisionListResponseSchema } from './division-list.response';
import { type DivisionList, DivisionListService } from './division-list.service';

/** 行政区划 for the citizen's place picker: public, rate limited, one level per request. */
@StaffController('', 'citizen self-service 群众自助')
export class PublicDivisionsController {
  constructor(private readonly divisions: DivisionListService) {}

  @CitizenRoute('GET', 'public/divisions', {
    summary:
      '行政区划（公开） The divisions under a county or township of the city (or the city’s counties): codes and names, for the place picker',
  })
  @ZodResponse(divisionListResponseSchema)
  list(@ZodQuery(divisionListQuerySchema) q: DivisionListQuery): Promise<DivisionList> {
    return this.divisions.list(q.parent);
  }
}

import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, DomainException, type StaffPrincipal } from '@sunshine/platform';
import { CityViewService, type CaseView } from './city-view.service';

@ApiTags('city view 全市视图')
@ApiBearerAuth()
@Controller('cases')
export class CityViewController {
  constructor(private readonly view: CityViewService) {}

  @Get(':caseId')
  @ApiOperation({ summary: '信访事项当前状态与时间线 A case: status, holding unit, timeline' })
  get(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentStaff() staff?: StaffPrincipal): Promise<CaseView> {
    if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要工作人员令牌', en: 'staff token required' });
    return this.view.get(caseId, staff);
  }
}

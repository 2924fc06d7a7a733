import { Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Staff, ZodBody, type StaffPrincipal } from '@sunshine/platform';
import { ApiCaseNotFound } from '../http/openapi';
import { uuidParam } from '../http/params';
import { DossierRevealService, type Revealed } from './dossier-reveal.service';
import { revealFieldSchema, type RevealFieldDto } from './reveal-field.dto';

@ApiTags('dossier 卷宗')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('petitions/:caseId/dossier')
export class DossierRevealController {
  constructor(private readonly reveals: DossierRevealService) {}

  @Post('reveal')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: '查看完整信息 Show one masked field of the dossier in full, with the reason; written to the access log (staff, full access)' })
  @ApiCaseNotFound()
  reveal(@Param('caseId', uuidParam()) caseId: string, @ZodBody(revealFieldSchema) dto: RevealFieldDto, @Staff() staff: StaffPrincipal): Promise<Revealed> {
    return this.reveals.reveal(caseId, dto, staff);
  }
}

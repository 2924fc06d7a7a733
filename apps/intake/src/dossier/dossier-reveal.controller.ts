import { Header, Param } from '@nestjs/common';
import { AuditTrail, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';

import { uuidParam } from '../http/params';
import { DossierRevealService, type Revealed } from './dossier-reveal.service';
import { type RevealFieldDto, revealFieldSchema } from './reveal-field.dto';

@StaffController('petitions/:caseId/dossier', 'dossier 卷宗')
export class DossierRevealController {
  constructor(
    private readonly reveals: DossierRevealService,
    private readonly audit: AuditTrail,
  ) {}

  @StaffRoute('POST', 'reveal', {
    status: 200,
    summary: '查看完整信息 Show one masked field of the dossier in full, with the reason; written to the access log (staff, full access)',
  })
  @Header('cache-control', 'no-store')
  async reveal(
    @Param('caseId', uuidParam()) caseId: string,
    @ZodBody(revealFieldSchema) dto: RevealFieldDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<Revealed> {
    const revealed = await this.reveals.reveal(caseId, dto, staff);
    await this.audit.personalDataRead(staff, caseId, 'reveal', { field: dto.field, reason: dto.reason });
    return revealed;
  }
}

import { Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { AuditTrail, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodResponse } from '@sunshine/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { REGISTERING_ROLES } from '../core/staff-scope.service';
import { uuidParam } from '../http/params';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { AttachmentsService, type AttachmentView } from './attachments.service';
import { dossierViewSchema } from './dossier.response';
import { DossierService, type DossierView } from './dossier.service';
import { readUpload } from './read-upload';

@StaffController('petitions/:caseId', 'dossier 卷宗')
export class DossierController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly attachments: AttachmentsService,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    private readonly audit: AuditTrail,
  ) {}

  @StaffRoute('GET', 'dossier', {
    summary: '卷宗 The petition’s text, petitioner and attachments, as the caller’s unit may see them (staff)',
  })
  @ZodResponse(dossierViewSchema)
  async read(@Param('caseId', uuidParam()) caseId: string, @Staff() staff: StaffPrincipal): Promise<DossierView> {
    const view = await this.dossiers.read(caseId, staff);
    await this.audit.personalDataRead(staff, caseId, 'dossier');
    return view;
  }

  @StaffRoute('POST', 'attachments', {
    status: 201,
    roles: REGISTERING_ROLES,
    summary: '上传附件 Add an attachment to the dossier (PDF, JPEG, PNG, text; size limited) (staff)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(
    @Param('caseId', uuidParam()) caseId: string,
    @Req() req: FastifyRequest,
    @Staff() staff: StaffPrincipal,
  ): Promise<AttachmentView> {
    return this.attachments.add(caseId, await readUpload(req, this.config.attachments.maxBytes), staff);
  }

  @StaffRoute('GET', 'attachments/:attachmentId', { summary: '下载附件 One attachment’s bytes, with full dossier access only (staff)' })
  async download(
    @Param('caseId', uuidParam()) caseId: string,
    @Param('attachmentId', uuidParam()) attachmentId: string,
    @Res() reply: FastifyReply,
    @Staff() staff: StaffPrincipal,
  ): Promise<void> {
    const { view, data } = await this.dossiers.attachment(caseId, attachmentId, staff);
    await this.audit.personalDataRead(staff, caseId, 'attachment', { attachmentId });
    await reply
      .type(view.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(view.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(data);
  }
}

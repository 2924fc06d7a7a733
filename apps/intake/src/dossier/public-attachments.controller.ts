import { Inject, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import { ERROR_BODY_REF, StaffController, ZodPipe } from '@sunshine/platform';
import type { FastifyRequest } from 'fastify';

import { type CitizenClient, Client } from '../http/citizen-client.decorator';
import { CitizenRoute } from '../http/citizen-route.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { caseKeySchema } from '../self-service/citizen.dto';
import { ATTACHMENT_TYPES } from './attachment-types';
import { AttachmentsService, type PetitionerAttachment } from './attachments.service';
import { readUpload } from './read-upload';

const caseKey = new ZodPipe(caseKeySchema);

/** 网上信访的附件: the petitioner adds photos or documents to their own case (public, rate limited, by number + query code). */
@StaffController('', 'citizen self-service 群众自助')
export class PublicAttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  @CitizenRoute('POST', 'public/cases/attachments', {
    status: 201,
    summary: `上传附件 The petitioner adds one attachment (${ATTACHMENT_TYPES.join(', ')}; size limited) to their case, by case number + query code`,
    caseNotFound: true,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['caseNumber', 'queryCode', 'file'],
      description: 'caseNumber and queryCode before the file',
      properties: { caseNumber: { type: 'string' }, queryCode: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiPayloadTooLargeResponse({ description: '附件过大 / ATTACHMENT_TOO_LARGE', schema: ERROR_BODY_REF })
  async upload(@Req() req: FastifyRequest, @Client() client: CitizenClient): Promise<PetitionerAttachment> {
    const upload = await readUpload(req, this.config.attachments.maxBytes);
    return this.attachments.addByPetitioner(caseKey.transform(upload.fields), upload, client);
  }
}

import { Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodResponse } from '@sunshine/platform';

import type { CaseDocument } from './document-html';
import { caseDocumentListSchema } from './documents.response';
import { DocumentsService } from './documents.service';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Read by the units that may see the case; no service calls it (a service token: 403 STAFF_ONLY). */
@StaffController('cases/:caseId/documents', 'documents 文书')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @StaffRoute('GET', '', { summary: '信访事项的文书（转送单、交办单、告知书、意见书） The numbered documents of a case' })
  @ZodResponse(caseDocumentListSchema)
  list(@Param('caseId', ParseUUIDPipe) caseId: string, @Staff() staff: StaffPrincipal): Promise<CaseDocument[]> {
    return this.documents.list(caseId, staff);
  }

  @StaffRoute('GET', ':documentId', { summary: '文书数据 One document (JSON)' })
  get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Staff() staff: StaffPrincipal,
  ) {
    return this.documents.get(caseId, documentId, staff);
  }

  @StaffRoute('GET', ':documentId/html', { summary: '打印版文书 (HTML, zh-CN) One document for print' })
  @ApiProduces('text/html')
  async html(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res({ passthrough: true }) reply: HeaderReply,
    @Staff() staff: StaffPrincipal,
  ): Promise<string> {
    const html = await this.documents.html(caseId, documentId, staff);
    // Set once rendered: a text/html header set before an error makes Fastify refuse the JSON error body (500).
    reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  }
}

import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { CaseDocument } from './document-html';
import { DocumentsService } from './documents.service';

@ApiTags('documents 文书')
@ApiBearerAuth()
@Controller('cases/:caseId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOperation({ summary: '信访事项的文书（转送单、交办单、告知书、意见书） The numbered documents of a case' })
  list(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentStaff() staff?: StaffPrincipal): Promise<CaseDocument[]> {
    return this.documents.list(caseId, required(staff));
  }

  @Get(':documentId')
  @ApiOperation({ summary: '文书数据 One document (JSON)' })
  get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('documentId', ParseUUIDPipe) documentId: string, @CurrentStaff() staff?: StaffPrincipal) {
    return this.documents.get(caseId, documentId, required(staff));
  }

  @Get(':documentId/html')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: '打印版文书 (HTML, zh-CN) One document for print' })
  html(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('documentId', ParseUUIDPipe) documentId: string, @CurrentStaff() staff?: StaffPrincipal) {
    return this.documents.html(caseId, documentId, required(staff));
  }
}

function required(staff: StaffPrincipal | undefined): StaffPrincipal {
  if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要工作人员令牌', en: 'staff token required' });
  return staff;
}

import { Param, ParseUUIDPipe } from '@nestjs/common';
import { UNIT_ACTION_ROLES } from '@sunshine/domain';
import {
  AllowServiceTokens,
  type ExpectedVersion,
  IfMatchVersion,
  Staff,
  StaffController,
  type StaffPrincipal,
  StaffRoute,
  ZodBody,
  ZodQuery,
} from '@sunshine/platform';

import { CaseAction, HEAD_DECISION } from '../cases/case-action.decorator';
import type { ActionResult } from '../cases/case-action.runner';
import { type DraftReplyDto, draftReplySchema, type ReplyQuery, replyQuerySchema, type ServeReplyDto, serveReplySchema } from './reply.dto';
import { ReplyService, type ReplyView } from './reply.service';
import type { ReplyRecord } from './reply.store';

@StaffController('cases/:caseId/reply', 'reply 答复')
export class ReplyController {
  constructor(private readonly replies: ReplyService) {}

  @StaffRoute('GET', '', { summary: '经审签的答复意见（文本、结论、审签与送达时间）；供本单位、辖区信访部门及 intake（服务令牌）读取' })
  @AllowServiceTokens('intake')
  get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodQuery(replyQuerySchema) q: ReplyQuery,
    @Staff() staff: StaffPrincipal,
  ): Promise<ReplyView> {
    return this.replies.get(caseId, staff, q.stage);
  }

  @StaffRoute('GET', 'draft', { summary: '本阶段答复意见草稿 The current draft (the drafting unit only)' })
  getDraft(@Param('caseId', ParseUUIDPipe) caseId: string, @Staff() staff: StaffPrincipal): Promise<ReplyRecord> {
    return this.replies.getDraft(caseId, staff);
  }

  @StaffRoute('PUT', 'draft', { roles: ['handler', 'head'], summary: '经办人起草答复意见（不产生事件） Draft the reply (handler)' })
  draft(@Param('caseId', ParseUUIDPipe) caseId: string, @ZodBody(draftReplySchema) dto: DraftReplyDto, @Staff() staff: StaffPrincipal) {
    return this.replies.draft(caseId, staff, dto);
  }

  @CaseAction('approve', UNIT_ACTION_ROLES.reply, '负责人审签并出具答复意见 (case.replied) The head approves the reply', HEAD_DECISION)
  approve(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @IfMatchVersion() version: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.replies.approve(caseId, staff, version);
  }

  @CaseAction('serve', UNIT_ACTION_ROLES['serve-reply'], '记录送达（直接送达、邮寄送达） (case.reply-served) Record service of the reply')
  serve(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @ZodBody(serveReplySchema) dto: ServeReplyDto,
    @IfMatchVersion() version: ExpectedVersion,
    @Staff() staff: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.replies.serve(caseId, staff, dto, version);
  }
}

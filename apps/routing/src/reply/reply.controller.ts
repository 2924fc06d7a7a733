import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, DomainException, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { ExpectedVersion } from '../actions/expected-version.decorator';
import type { ActionResult } from '../cases/case-action.runner';
import { requireStaff } from '../cases/staff-roles';
import { draftReplySchema, replyQuerySchema, serveReplySchema, type DraftReplyDto, type ReplyQuery, type ServeReplyDto } from './reply.dto';
import { ReplyService, type ReplyView } from './reply.service';
import type { ReplyRecord } from './reply.store';

@ApiTags('reply 答复')
@ApiBearerAuth()
@Controller('cases/:caseId/reply')
export class ReplyController {
  constructor(private readonly replies: ReplyService) {}

  @Get()
  @ApiOperation({ summary: '经审签的答复意见（文本、结论、审签与送达时间）；供本单位、辖区信访部门及 intake（服务令牌）读取' })
  get(@Param('caseId', ParseUUIDPipe) caseId: string, @Query(new ZodPipe(replyQuerySchema)) q: ReplyQuery, @CurrentStaff() staff?: StaffPrincipal): Promise<ReplyView> {
    if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要访问令牌', en: 'token required' });
    return this.replies.get(caseId, staff, q.stage);
  }

  @Get('draft')
  @ApiOperation({ summary: '本阶段答复意见草稿 The current draft (the drafting unit only)' })
  getDraft(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentStaff() staff?: StaffPrincipal): Promise<ReplyRecord> {
    return this.replies.getDraft(caseId, requireStaff(staff));
  }

  @Put('draft')
  @ApiOperation({ summary: '经办人起草答复意见（不产生事件） Draft the reply (handler)' })
  draft(@Param('caseId', ParseUUIDPipe) caseId: string, @Body(new ZodPipe(draftReplySchema)) dto: DraftReplyDto, @CurrentStaff() staff?: StaffPrincipal) {
    return this.replies.draft(caseId, requireStaff(staff), dto);
  }

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({ summary: '负责人审签并出具答复意见 (case.replied) The head approves the reply' })
  approve(@Param('caseId', ParseUUIDPipe) caseId: string, @ExpectedVersion() version: number, @CurrentStaff() staff?: StaffPrincipal): Promise<ActionResult> {
    return this.replies.approve(caseId, requireStaff(staff), version);
  }

  @Post('serve')
  @HttpCode(200)
  @ApiOperation({ summary: '记录送达（直接送达、邮寄送达） (case.reply-served) Record service of the reply' })
  serve(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body(new ZodPipe(serveReplySchema)) dto: ServeReplyDto,
    @ExpectedVersion() version: number,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<ActionResult> {
    return this.replies.serve(caseId, requireStaff(staff), dto, version);
  }
}

import { type MessageEvent, Param, ParseUUIDPipe, Sse } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { endAtTokenExpiry, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery, ZodResponse } from '@sunshine/platform';
import type { Observable } from 'rxjs';
import { z } from 'zod';

import { NoticeStream } from './notice-stream.service';
import { noticePageSchema } from './notices.response';
import { type NoticePage, NoticesService } from './notices.service';

const listSchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只看未读 only unread ones'),
  kind: z
    .string()
    .regex(/^(unit|petitioner)\.[a-z-]+$/)
    .optional()
    .describe('通知类型 notice kind, e.g. unit.case-arrived'),
  caseId: z.uuid().optional().describe('信访事项 one case'),
  before: z.uuid().optional().describe('翻页：上一页的 next the previous page’s `next`'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The in-app inbox of the caller's unit: its notices for the caller's roles, with the caller's own read state. */
@StaffController('notices', 'in-app notices 站内通知')
export class NoticesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly live: NoticeStream,
  ) {}

  @StaffRoute('GET', '', { summary: '本单位的站内通知（未读数、筛选、分页） My unit’s notices for my roles: unread count, filters, pages' })
  @ZodResponse(noticePageSchema)
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>, @Staff() staff: StaffPrincipal): Promise<NoticePage> {
    return this.notices.list(staff, q);
  }

  @Sse('stream')
  @ApiOperation({
    summary: '站内通知实时推送（SSE，event: notice） Live notices for my unit and roles (Server-Sent Events)',
    description:
      '令牌到期时发送 event: token-expired 并结束推送。 At the token’s expiry one `token-expired` event is sent and the stream ends.',
  })
  stream(@Staff() staff: StaffPrincipal): Observable<MessageEvent> {
    return this.live.stream(staff).pipe(endAtTokenExpiry(staff));
  }

  @StaffRoute('POST', 'read-all', { status: 200, summary: '全部标为已读 Mark every notice I see read' })
  readAll(@Staff() staff: StaffPrincipal): Promise<{ marked: number }> {
    return this.notices.markAllRead(staff);
  }

  @StaffRoute('POST', ':id/read', { status: 200, summary: '标为已读 Mark one notice read (for me)' })
  read(@Param('id', ParseUUIDPipe) id: string, @Staff() staff: StaffPrincipal): Promise<{ id: string; read: true }> {
    return this.notices.markRead(staff, id);
  }
}

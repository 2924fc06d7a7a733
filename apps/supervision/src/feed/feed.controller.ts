import { Headers, type MessageEvent, Sse } from '@nestjs/common';
import { ApiHeader, ApiOperation } from '@nestjs/swagger';
import { CaseVisibility, endAtTokenExpiry, Staff, StaffController, type StaffPrincipal } from '@sunshine/platform';
import type { Observable } from 'rxjs';

import { FeedService } from './feed.service';

@StaffController('feed', 'city view 全市视图')
export class FeedController {
  constructor(
    private readonly feed: FeedService,
    private readonly visibility: CaseVisibility,
  ) {}

  @Sse()
  @ApiOperation({
    summary: '实时状态变化（SSE） Live status changes in my jurisdiction (Server-Sent Events, event: status)',
    description:
      '断线重连时带 Last-Event-ID：补发其后的变化（最近5000条、24小时内）；超出范围时发一条 event: reset，请重新加载列表。 ' +
      'On reconnect with Last-Event-ID the changes missed are sent first (the last 5000, within 24 h); beyond that one `reset` event says to reload the lists. ' +
      '令牌到期时发送 event: token-expired 并结束推送。 At the token’s expiry one `token-expired` event is sent and the stream ends.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: '最后收到的变化的 id / the id of the last change received' })
  async stream(@Staff() staff: StaffPrincipal, @Headers('last-event-id') lastEventId?: string): Promise<Observable<MessageEvent>> {
    const id = lastEventId?.trim().slice(0, 100);
    return this.feed.stream(await this.visibility.viewer(staff), id || undefined).pipe(endAtTokenExpiry(staff));
  }
}

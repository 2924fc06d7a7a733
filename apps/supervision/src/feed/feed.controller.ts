import { Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CaseVisibility, Staff, StaffController, type StaffPrincipal } from '@sunshine/platform';
import type { Observable } from 'rxjs';
import { FeedService } from './feed.service';

@StaffController('feed', 'city view 全市视图')
export class FeedController {
  constructor(
    private readonly feed: FeedService,
    private readonly visibility: CaseVisibility,
  ) {}

  @Sse()
  @ApiOperation({ summary: '实时状态变化（SSE） Live status changes in my jurisdiction (Server-Sent Events, event: status)' })
  async stream(@Staff() staff: StaffPrincipal): Promise<Observable<MessageEvent>> {
    return this.feed.stream(await this.visibility.viewer(staff));
  }
}

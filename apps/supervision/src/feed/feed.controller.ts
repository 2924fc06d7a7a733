import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CaseVisibility, Staff, type StaffPrincipal } from '@sunshine/platform';
import type { Observable } from 'rxjs';
import { FeedService } from './feed.service';

@ApiTags('city view 全市视图')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('feed')
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

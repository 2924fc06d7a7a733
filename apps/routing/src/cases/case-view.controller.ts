import { Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodResponse } from '@sunshine/platform';

import { caseDetailSchema } from './case-view.response';
import { type CaseDetail, type CaseEventRecord, CaseViewService } from './case-view.service';
import type { DispatchEntry } from './dispatch-log';
import { dispatchListSchema } from './dispatch-log.response';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

@StaffController('cases/:caseId', 'cases 信访事项')
export class CaseViewController {
  constructor(private readonly view: CaseViewService) {}

  @StaffRoute('GET', '', { summary: '信访事项（状态、承办单位、期限、可执行操作、版本号 ETag） A case as the unit acts on it' })
  @ZodResponse(caseDetailSchema)
  async get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Res({ passthrough: true }) reply: HeaderReply,
    @Staff() staff: StaffPrincipal,
  ): Promise<CaseDetail> {
    const detail = await this.view.get(caseId, staff);
    reply.header('etag', `"${detail.version}"`);
    return detail;
  }

  @StaffRoute('GET', 'dispatches', { summary: '转送交办记录：匹配的规则及理由 Why the case landed where it is' })
  @ZodResponse(dispatchListSchema)
  dispatches(@Param('caseId', ParseUUIDPipe) caseId: string, @Staff() staff: StaffPrincipal): Promise<DispatchEntry[]> {
    return this.view.dispatches(caseId, staff);
  }

  @StaffRoute('GET', 'history', { summary: '事件记录（仅事实，不含信访内容与个人信息） The case events routing applied' })
  history(@Param('caseId', ParseUUIDPipe) caseId: string, @Staff() staff: StaffPrincipal): Promise<CaseEventRecord[]> {
    return this.view.history(caseId, staff);
  }
}

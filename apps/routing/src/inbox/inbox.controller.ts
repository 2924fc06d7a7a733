import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery, ZodResponse } from '@sunshine/platform';

import { type InboxQuery, inboxQuerySchema } from './inbox.query';
import { inboxPageSchema } from './inbox.response';
import { type InboxPage, InboxService } from './inbox.service';

@StaffController('inbox', 'inbox 待办')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @StaffRoute('GET', '', {
    summary: '本单位信访事项（在办及曾办），或信访部门辖区（scope=territory）；按状态、阶段、期限、类别筛选、排序、分页，并按状态计数',
  })
  @ZodResponse(inboxPageSchema)
  list(@ZodQuery(inboxQuerySchema) q: InboxQuery, @Staff() staff: StaffPrincipal): Promise<InboxPage> {
    return this.inbox.list(staff, q);
  }
}

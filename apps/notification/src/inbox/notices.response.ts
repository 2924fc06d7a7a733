import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { NoticePage } from './notices.service';

/** One in-app notice (站内通知) as the inbox lists it, with the caller's own read state. */
export const noticeItemSchema = z.object({
  id: z.uuid(),
  unitId: z.string().describe('收件单位 / the unit addressed'),
  roles: z.array(z.string()).describe('收件角色 / the roles addressed'),
  kind: z.string().describe('通知类型 / notice kind, e.g. unit.case-arrived'),
  caseId: z.uuid().nullable().describe('信访事项 / the case, if any'),
  eventType: z.string().describe('引起通知的事件 / the event that caused it'),
  title: z.string(),
  body: z.string(),
  createdAt: z.string().describe('ISO 8601 instant'),
  read: z.boolean().describe('本人已读 / read by the caller'),
});

/** GET /notices: one page, with the unread count. */
export const noticePageSchema = z.object({
  unread: z.number().int().describe('未读数 / unread count'),
  items: z.array(noticeItemSchema),
  next: z.uuid().nullable().describe('下一页传 before / pass as `before` for the next page; null on the last one'),
});

/** Compile-time guard: the service's types and the documented schemas stay one. */
export type NoticePageDocumented = AssertTrue<ResponseMatches<NoticePage, typeof noticePageSchema>>;

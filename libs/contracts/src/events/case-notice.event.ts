import { z } from 'zod';

import { isoDateTimeSchema, reasonSchema, unitIdSchema, uuidSchema, vocabulary } from '../vocabulary/codes';

/**
 * The notices the petitioner must get: receipt with query code (第17、21条), acceptance decision (第23条), extension and
 * its reason (第34条), the written reply (第32–36条), the rating invitation (第21条), a supervision result where due.
 */
export const [NoticeKinds, noticeKindSchema] = vocabulary([
  'receipt',
  'acceptance-decision',
  'extension',
  'reply',
  'rating-invitation',
  'other',
]);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

/** Delivery channels of notification; `post` and `in-person` are recorded by staff. */
export const [NoticeChannels, noticeChannelSchema] = vocabulary(['in-app', 'sms', 'email', 'webhook', 'post', 'in-person']);
export type NoticeChannel = z.infer<typeof noticeChannelSchema>;

const noticeFacts = {
  noticeId: uuidSchema,
  kind: noticeKindSchema,
  channel: noticeChannelSchema,
  attempt: z.number().int().min(1),
  /** The unit on whose behalf the notice went out. */
  unitId: unitIdSchema,
};

/**
 * `case.notice-delivered` v1 — 送达回执: a legally required notice reached the petitioner at `deliveredAt`. For the
 * written reply, routing records `case.reply-served` from it (《信访工作条例》第35条 自收到书面答复之日起).
 */
export const caseNoticeDeliveredV1 = z.object({ ...noticeFacts, deliveredAt: isoDateTimeSchema });
export type CaseNoticeDelivered = z.infer<typeof caseNoticeDeliveredV1>;

/** `case.notice-failed` v1 — 送达失败: an attempt failed; `final` when no more retries follow. */
export const caseNoticeFailedV1 = z.object({ ...noticeFacts, reason: reasonSchema, final: z.boolean() });
export type CaseNoticeFailed = z.infer<typeof caseNoticeFailedV1>;

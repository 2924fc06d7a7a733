import { z } from 'zod';

import { isoDateTimeSchema, unitIdSchema, uuidSchema, vocabulary } from '../vocabulary/codes';

/** How the written reply reached the petitioner: 直接送达 / 邮寄送达 / 电子送达. */
export const [ServiceMethods, serviceMethodSchema] = vocabulary(['in-person', 'post', 'electronic']);
export type ServiceMethod = z.infer<typeof serviceMethodSchema>;

/**
 * `case.reply-served` v1 — 送达: the written reply of the unit (`unitId`) reached the petitioner at `servedAt`
 * (recorded by staff, or from notification's delivery receipt `noticeId`). The rating window and the review window
 * run from here (《信访工作条例》第35条: 自收到书面答复之日起30日内).
 */
export const caseReplyServedV1 = z.object({
  unitId: unitIdSchema,
  servedAt: isoDateTimeSchema,
  method: serviceMethodSchema,
  noticeId: uuidSchema.optional(),
});
export type CaseReplyServed = z.infer<typeof caseReplyServedV1>;

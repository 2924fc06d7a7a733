import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { DeliveryView } from './deliveries-ops.service';
import { DELIVERY_STATUSES } from './delivery-row';

/** One delivery as ops sees it: the masked address only; the notice's parameters only with full access to its case. */
export const deliveryViewSchema = z.object({
  id: z.uuid(),
  eventId: z.string().describe('引起通知的事件 / the event that caused it'),
  eventType: z.string(),
  recipient: z.string().describe('收件人 / `unit:<unit id>` or `petitioner:<case id>`'),
  channel: z.enum(['in-app', 'email', 'sms', 'webhook']),
  kind: z.string().describe('通知类型 / notice kind'),
  kindName: z.string().nullable().describe('通知类型名称（模板所定） / the kind’s Chinese name, from its template; null without one'),
  caseId: z.string().nullable(),
  unitId: z.string().nullable(),
  roles: z.array(z.string()),
  legalKind: z.string().nullable(),
  urgent: z.boolean(),
  ruleVersion: z.number().int(),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .nullable()
    .describe('通知参数；无权完整查阅该事项时为 null / null without full access to the case'),
  redaction: z.object({ zh: z.string(), en: z.string() }).optional().describe('参数为何不显示 / why the parameters are withheld'),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  notBefore: z.string().describe('ISO 8601 instant'),
  addressMasked: z.string().nullable().describe('掩码地址 / the masked address, never the address in clear'),
  providerId: z.string().nullable(),
  lastError: z.string().nullable().describe('最近一次失败的原因 / the last failure'),
  createdAt: z.string(),
  updatedAt: z.string().describe('最近变化 / the last change (for `sending`: in doubt since)'),
  deliveredAt: z.string().nullable(),
});

/** GET /ops/deliveries. */
export const deliveryListSchema = z.array(deliveryViewSchema);

/** GET /ops/deliveries/{id}: the delivery with the actions taken on it. */
export const deliveryWithActionsSchema = deliveryViewSchema.extend({
  actions: z.array(
    z.object({
      action: z.string().describe('replay'),
      reason: z.string(),
      actor: z.string(),
      actorUnit: z.string(),
      at: z.string(),
    }),
  ),
});

/** Compile-time guard: the service's types and the documented schemas stay one. */
export type DeliveryViewDocumented = AssertTrue<ResponseMatches<DeliveryView, typeof deliveryViewSchema>>;

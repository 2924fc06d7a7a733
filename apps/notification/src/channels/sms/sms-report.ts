import { z } from 'zod';

/** One report of the provider's push (SmsReport, HTTP batch push), as documented. */
export const smsReportPushSchema = z
  .array(
    z.looseObject({
      phone_number: z.string().max(32),
      send_time: z.string().max(32).optional(),
      report_time: z.string().max(32),
      success: z.boolean(),
      err_code: z.string().max(64),
      err_msg: z.string().max(200).optional(),
      sms_size: z.string().max(8).optional(),
      biz_id: z.string().min(1).max(64),
      out_id: z.string().max(128).optional(),
    }),
  )
  .min(1)
  .max(1000)
  .describe('短信状态报告（阿里云 SmsReport HTTP 批量推送） the provider’s delivery reports');

export type SmsReportPush = z.infer<typeof smsReportPushSchema>;

/**
 * A delivery report as notification records it, by the delivery's id (the OutId it was sent with). The phone number
 * arrives in clear and leaves masked: nothing downstream needs more.
 */
export interface SmsDeliveryReport {
  /** The delivery id (OutId). */
  readonly deliveryId: string;
  /** The provider's BizId (SendSms answered it). */
  readonly bizId: string;
  readonly delivered: boolean;
  /** `DELIVERED`, or the carrier's failure code (e.g. `MK:0001`, `UNDELIV`). */
  readonly code: string;
  readonly message: string;
  /** When the handset's carrier reported (UTC). */
  readonly reportedAt: Date;
  /** Billed parts (sms_size), when given. */
  readonly segments: number | null;
  /** 138****8000. */
  readonly phoneMasked: string;
}

/** `2017-01-01 00:00:00` (the provider writes Beijing time) as an instant. */
export function beijingInstant(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

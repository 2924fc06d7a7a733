import type { SendResult } from '../channel';
import type { AliyunSmsAnswer } from './aliyun-sms-outcome';

/**
 * dysmsapi 2017-05-25 QuerySendDetails (查询短信发送详情), as Alibaba Cloud documents it: request PhoneNumber (one
 * number; 11 digits for a mainland one), optional BizId, SendDate `yyyyMMdd` (the last 30 days), PageSize 1–50,
 * CurrentPage; answer Code `OK`, TotalCount (a string in the documentation) and `SmsSendDetailDTOs.SmsSendDetailDTO[]`.
 */
export const QUERY_PAGE_SIZE = 50;

/** One record of `SmsSendDetailDTOs.SmsSendDetailDTO`: SendStatus 1 waiting for the report, 2 failed, 3 delivered. */
export interface SmsSendDetailDTO {
  readonly PhoneNum?: string;
  readonly SendStatus?: number;
  readonly ErrCode?: string;
  readonly TemplateCode?: string;
  readonly Content?: string;
  readonly SendDate?: string;
  readonly ReceiveDate?: string;
  readonly OutId?: string;
}

/** QuerySendDetails' answer: a page of records and the total. */
export interface AliyunQueryAnswer extends AliyunSmsAnswer {
  readonly TotalCount?: number | string;
  readonly SmsSendDetailDTOs?: { readonly SmsSendDetailDTO?: readonly SmsSendDetailDTO[] };
}

/** `20261202`: QuerySendDetails' SendDate, the day in Asia/Shanghai (the provider's day). */
export function shanghaiSendDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The handset number as the provider files it: SendSms takes `+86`/`0086`/`86` before it, the query 11 digits. */
export function mainlandNumber(phone: string): string {
  return phone.replace(/^(\+?86|0086)(?=1\d{10}$)/, '');
}

/** The action's own parameters (the common ones and the signature are added by the caller). */
export function querySendDetailsParams(phone: string, sendDate: string, page: number): Record<string, string> {
  return {
    Action: 'QuerySendDetails',
    PhoneNumber: mainlandNumber(phone),
    SendDate: sendDate,
    PageSize: String(QUERY_PAGE_SIZE),
    CurrentPage: String(page),
  };
}

/** What one page says about `outId`: taken (a record carries it), not on this page (`more`: ask the next), or retry. */
export type QueryPageOutcome = { readonly found: true } | { readonly found: false; readonly more: boolean } | SendResult;

export function queryPageOutcome(status: number, answer: AliyunQueryAnswer | null, outId: string, page: number): QueryPageOutcome {
  if (status < 200 || status >= 300 || answer?.Code !== 'OK') {
    return {
      outcome: 'retry',
      reason: `QuerySendDetails: HTTP ${status} ${answer?.Code ?? '(no code)'}${answer?.Message ? `: ${answer.Message}` : ''}`,
    };
  }
  const records = answer.SmsSendDetailDTOs?.SmsSendDetailDTO ?? [];
  if (records.some((r) => r.OutId === outId)) return { found: true };
  const total = Number(answer.TotalCount ?? 0);
  return { found: false, more: records.length === QUERY_PAGE_SIZE && page * QUERY_PAGE_SIZE < total };
}

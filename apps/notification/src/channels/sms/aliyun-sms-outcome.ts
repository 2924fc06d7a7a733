import type { SendResult } from '../channel';

/** What dysmsapi answers (JSON): `Code` `OK` with a `BizId`, else an error code and its message. */
export interface AliyunSmsAnswer {
  readonly RequestId?: string;
  readonly BizId?: string;
  readonly Code?: string;
  readonly Message?: string;
}

/** Codes worth another try later: flow control and the provider's own trouble. */
const RETRY_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'isp.SYSTEM_ERROR',
  'ServiceUnavailable',
  'InternalError',
]);

/** The provider's per-number flow control counts by the minute: the next try waits at least that long. */
export const BUSINESS_LIMIT_RETRY_MS = 60_000;

/**
 * The provider's answer as a channel outcome: `OK` → accepted (the BizId); throttling, flow control, 5xx → retry;
 * everything else (an illegal number, a template or signature refused, a bad signature or key) → rejected, since
 * sending the same request again cannot succeed.
 */
export function smsOutcome(status: number, answer: AliyunSmsAnswer | null): SendResult {
  const code = answer?.Code ?? '';
  const reason = `HTTP ${status} ${code || '(no code)'}${answer?.Message ? `: ${answer.Message}` : ''}`;
  if (status >= 200 && status < 300 && code === 'OK' && answer?.BizId) return { outcome: 'accepted', providerId: answer.BizId };
  if (code === 'isv.BUSINESS_LIMIT_CONTROL') return { outcome: 'retry', reason, retryAfterMs: BUSINESS_LIMIT_RETRY_MS };
  if (RETRY_CODES.has(code) || status >= 500 || status === 429 || status === 408) return { outcome: 'retry', reason };
  if (status >= 200 && status < 300 && !code) return { outcome: 'retry', reason: `HTTP ${status} without a Code: an unreadable answer` };
  return { outcome: 'rejected', reason };
}

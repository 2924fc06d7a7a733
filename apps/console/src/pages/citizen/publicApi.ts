import { ApiError } from '../../api/errors';
import { RateLimited } from '../../api/public';

// The citizen's portal talks to intake's /public/* without a staff token (publicCall, api/public.ts). Errors are shown
// in plain Chinese (the server's zh reason, no codes); a 429 carries Retry-After, shown as a wait the page counts down.

export { publicCall, RateLimited } from '../../api/public';

/** The sentence a petitioner reads: the server's Chinese reason, never a code or an English text. */
export function citizenErrorText(e: unknown): string {
  if (e instanceof RateLimited) return `操作过于频繁，请 ${e.seconds} 秒后再试`;
  if (e instanceof ApiError) {
    if (e.status === 404) return '未查到该信访事项：请核对信访件编号和查询码';
    return e.zh;
  }
  return '网络连接失败，请检查网络后重试';
}

/** A fresh Idempotency-Key: the same submission sent twice (a double tap, a retry) registers once. */
export function idempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

/** 138****8000: what the page may show of a phone number it was given. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length >= 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : '****';
}

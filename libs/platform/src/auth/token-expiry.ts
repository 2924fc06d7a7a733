import type { MessageEvent } from '@nestjs/common';
import { concat, type MonoTypeOperatorFunction, type Observable, of, takeUntil, timer } from 'rxjs';

import type { StaffPrincipal } from './staff-claims';

/** setTimeout's longest delay; a later expiry is re-checked then (never the case within the token lifetime limits). */
const MAX_DELAY_MS = 2_147_483_647;

/** The last event of a live stream whose token expired: the client signs in again and reconnects. */
export const TOKEN_EXPIRED_EVENT: MessageEvent = {
  type: 'token-expired',
  data: {
    code: 'TOKEN_EXPIRED',
    message: { zh: '访问令牌已过期，请重新登录后再连接', en: 'the token expired: sign in again and reconnect' },
  },
};

/**
 * Ends a live (SSE) stream when the caller's token expires: at `staff.expiresAt` one `token-expired` event is sent and
 * the stream completes (Nest then ends the response). A stream opened with an already expired token ends at once.
 */
export function endAtTokenExpiry(
  staff: Pick<StaffPrincipal, 'expiresAt'>,
  now: () => number = Date.now,
): MonoTypeOperatorFunction<MessageEvent> {
  return (source: Observable<MessageEvent>) => {
    if (!staff.expiresAt) return source;
    const delay = Math.min(Math.max(0, staff.expiresAt.getTime() - now()), MAX_DELAY_MS);
    const expiry = timer(delay);
    return concat(source.pipe(takeUntil(expiry)), of(TOKEN_EXPIRED_EVENT));
  };
}

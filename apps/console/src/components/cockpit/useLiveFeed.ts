import { useRef } from 'react';

import { type StreamStatus, useEventStream } from '../../sse/useEventStream';

/** One status change as supervision's /feed sends it (event: status). */
export interface StatusChange {
  readonly eventId: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly type: string;
  readonly fromStatus: string | null;
  readonly status: string | null;
  readonly stage: string;
  readonly holdingUnitId: string | null;
  readonly occurredAt: string;
}

/**
 * supervision's live feed (GET /api/supervision/feed, SSE) through the console's one stream reader (useEventStream:
 * the token in the Authorization header, reconnects with Last-Event-ID so the server sends the changes missed first,
 * stops at the token's exp). `event: status` calls `onChange`; `event: reset` (too far behind) calls `onReset`.
 */
export function useLiveFeed(onChange: (c: StatusChange) => void, onReset?: () => void): StreamStatus {
  const handlers = useRef({ onChange, onReset });
  handlers.current = { onChange, onReset };
  return useEventStream('/api/supervision/feed', (f) => {
    if (f.event === 'reset') handlers.current.onReset?.();
    else if (f.event === 'status' && f.data) handlers.current.onChange(JSON.parse(f.data) as StatusChange);
  });
}

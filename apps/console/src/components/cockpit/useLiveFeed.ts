import { useEffect, useRef, useState } from 'react';
import { currentSession, sessionExpired } from '../../session';
import { parseFrames } from './sse-frames';

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

export type FeedState = 'connecting' | 'open' | 'reconnecting';

/**
 * supervision's live feed (GET /api/supervision/feed, SSE) read with fetch so the staff token travels in the
 * Authorization header (EventSource cannot send one). On a cut it reconnects after a short wait with Last-Event-ID,
 * and the server sends the changes missed first; a `reset` event (too far behind) calls `onReset` to reload the lists.
 */
export function useLiveFeed(onChange: (c: StatusChange) => void, onReset?: () => void): { state: FeedState; lastEventId: string | null; reconnects: number } {
  const [state, setState] = useState<FeedState>('connecting');
  const [lastEventId, setLastEventId] = useState<string | null>(null);
  const [reconnects, setReconnects] = useState(0);
  const handlers = useRef({ onChange, onReset });
  handlers.current = { onChange, onReset };
  useEffect(() => {
    const abort = new AbortController();
    let last: string | null = null;
    let attempt = 0;
    const run = async (): Promise<void> => {
      while (!abort.signal.aborted) {
        const session = currentSession();
        if (!session) return sessionExpired();
        try {
          const headers: Record<string, string> = { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' };
          if (last) headers['Last-Event-ID'] = last;
          const res = await fetch('/api/supervision/feed', { headers, signal: abort.signal, cache: 'no-store' });
          if (res.status === 401) return sessionExpired();
          if (!res.ok || !res.body) throw new Error(`feed ${res.status}`);
          setState('open');
          attempt = 0;
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const parsed = parseFrames(buffer + value);
            buffer = parsed.rest;
            for (const f of parsed.frames) {
              if (f.id) {
                last = f.id;
                setLastEventId(f.id);
              }
              if (f.event === 'reset') handlers.current.onReset?.();
              else if (f.event === 'status' && f.data) handlers.current.onChange(JSON.parse(f.data) as StatusChange);
            }
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        setState('reconnecting');
        setReconnects((n) => n + 1);
        attempt += 1;
        await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** Math.min(attempt - 1, 4), 15000)));
      }
    };
    void run();
    return () => abort.abort();
  }, []);
  return { state, lastEventId, reconnects };
}

import { useEffect, useRef, useState } from 'react';

import { currentSession, type SessionEnd, sessionExpired, type StaffSession } from '../session';
import { type Frame, parseFrames } from './frames';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

export interface StreamStatus {
  readonly state: StreamState;
  /** The last `id:` the server sent (sent back as Last-Event-ID on a reconnect). */
  readonly lastEventId: string | null;
  readonly reconnects: number;
}

interface Follower {
  onFrame(frame: Frame): void;
  onState(state: StreamState, lastEventId: string | null): void;
}

/** Where the session comes from and how it ends (session.ts; a test gives its own). */
export interface SessionPort {
  currentSession(): Pick<StaffSession, 'token' | 'exp'> | null;
  sessionExpired(why: SessionEnd): void;
}

const SESSION: SessionPort = { currentSession, sessionExpired };

/** 1 s, 2 s, 4 s … up to 15 s between attempts after a cut. */
export function backoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.min(Math.max(attempt, 1) - 1, 4), 15000);
}

/** Aborts when the token's exp passes: the services refuse it from then on (the Layout's timer signs the user out). */
function untilExpiry(session: Pick<StaffSession, 'exp'>, outer: AbortSignal): AbortSignal {
  const ms = session.exp * 1000 - Date.now();
  // Timers hold 32-bit milliseconds: a token valid for longer than ~24 days is not timed here.
  return ms > 2 ** 31 - 1 ? outer : AbortSignal.any([outer, AbortSignal.timeout(Math.max(0, ms))]);
}

/** The session was renewed meanwhile (the identity provider's new token): the stream goes on with it. */
function renewed(auth: SessionPort, old: Pick<StaffSession, 'token'>): boolean {
  const now = auth.currentSession();
  return now !== null && now.token !== old.token;
}

/** One connection: reads frames until the stream ends; answers whether to stop for good (session over). */
async function connect(
  url: string,
  session: Pick<StaffSession, 'token'>,
  auth: SessionPort,
  last: { id: string | null },
  f: Follower,
  signal: AbortSignal,
): Promise<boolean> {
  const headers: Record<string, string> = { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' };
  if (last.id) headers['Last-Event-ID'] = last.id;
  const res = await fetch(url, { headers, signal, cache: 'no-store' });
  if (res.status === 401) {
    if (renewed(auth, session)) return false;
    const body = (await res.json().catch(() => ({}))) as { code?: unknown };
    auth.sessionExpired(body.code === 'TOKEN_EXPIRED' ? 'expired' : 'refused');
    return true;
  }
  if (!res.ok || !res.body) throw new Error(`${url} ${res.status}`);
  f.onState('open', last.id);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    const parsed = parseFrames(buffer + value);
    buffer = parsed.rest;
    for (const frame of parsed.frames) {
      if (frame.id) last.id = frame.id;
      // Sent at the token's exp, then the stream ends: the session is over.
      if (frame.event === 'token-expired') {
        if (renewed(auth, session)) return false;
        auth.sessionExpired('expired');
        return true;
      }
      f.onFrame(frame);
    }
    if (parsed.frames.some((x) => x.id)) f.onState('open', last.id);
  }
}

/**
 * Follows a Server-Sent Events stream of a service (through nginx) with fetch, so the staff token travels in the
 * Authorization header (EventSource cannot send one). A cut reconnects after a back-off with `Last-Event-ID` (a
 * service that numbers its events sends what was missed first); a 401 or `event: token-expired` ends the session;
 * at the token's exp the stream stops (no reconnect with a token the services refuse) unless the session was renewed
 * meanwhile, when it reconnects at once with the new token. Runs until `signal` aborts.
 */
export async function followEventStream(url: string, f: Follower, signal: AbortSignal, auth: SessionPort = SESSION): Promise<void> {
  const last = { id: null as string | null };
  let attempt = 0;
  const follower: Follower = {
    onFrame: (frame) => f.onFrame(frame),
    onState: (state, id) => {
      if (state === 'open') attempt = 0;
      f.onState(state, id);
    },
  };
  while (!signal.aborted) {
    const session = auth.currentSession();
    if (!session) return auth.sessionExpired('expired');
    const connection = untilExpiry(session, signal);
    try {
      if (await connect(url, session, auth, last, follower, connection)) return;
    } catch {
      if (signal.aborted) return;
    }
    // Renewed (session.ts' watchExpiry got a new token from the identity provider): straight back with it and Last-Event-ID.
    if (!signal.aborted && renewed(auth, session)) continue;
    if (connection.aborted) return; // the token's exp: the Layout's timer ends the session
    f.onState('reconnecting', last.id);
    attempt += 1;
    await new Promise((r) => setTimeout(r, backoffMs(attempt)));
  }
}

/** followEventStream for a component's life: every frame but `token-expired` goes to `onFrame`; the status for display. */
export function useEventStream(url: string, onFrame: (frame: Frame) => void): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>({ state: 'connecting', lastEventId: null, reconnects: 0 });
  const handler = useRef(onFrame);
  handler.current = onFrame;
  useEffect(() => {
    const abort = new AbortController();
    void followEventStream(
      url,
      {
        onFrame: (frame) => handler.current(frame),
        onState: (state, lastEventId) =>
          setStatus((s) => ({ state, lastEventId, reconnects: s.reconnects + (state === 'reconnecting' ? 1 : 0) })),
      },
      abort.signal,
    );
    return () => abort.abort();
  }, [url]);
  return status;
}

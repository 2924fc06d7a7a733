import { afterEach, describe, expect, it, jest } from '@jest/globals';

import type { Frame } from './frames';
import { backoffMs, followEventStream } from './useEventStream';

const sessionExpired = jest.fn();
let session: { token: string; exp: number } | null = null;
// The session the reader asks for and ends (session.ts in the console).
const auth = { currentSession: () => session, sessionExpired: (why: 'expired' | 'refused') => void sessionExpired(why) };

const stream = (text: string, status = 200) => new Response(text, { status, headers: { 'content-type': 'text/event-stream' } });

function follow(responses: Response[]) {
  const sent: Array<Record<string, string>> = [];
  globalThis.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
    sent.push({ ...(init?.headers as Record<string, string>) });
    const next = responses.shift();
    if (!next) throw new Error('no more answers');
    // As a real fetch: aborting the request's signal cuts the body being read.
    const body = next.body?.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), { signal: init?.signal ?? undefined }) ?? null;
    return new Response(body, { status: next.status, headers: next.headers });
  }) as typeof fetch;
  const frames: Frame[] = [];
  const states: string[] = [];
  const done = followEventStream(
    '/api/x/stream',
    { onFrame: (f) => frames.push(f), onState: (s) => states.push(s) },
    new AbortController().signal,
    auth,
  );
  return { done, sent, frames, states };
}

describe('followEventStream (the console’s one SSE reader)', () => {
  afterEach(() => {
    sessionExpired.mockReset();
  });

  it('reconnects after a cut with the last id as Last-Event-ID, and ends the session on token-expired', async () => {
    session = { token: 'tok', exp: Math.floor(Date.now() / 1000) + 3600 };
    const run = follow([
      stream('id: e1\nevent: status\ndata: {"caseId":"c1"}\n\n'),
      stream('id: e2\nevent: status\ndata: {"caseId":"c2"}\n\nevent: token-expired\ndata: {}\n\n'),
    ]);
    await run.done;
    expect(run.sent).toEqual([
      { Authorization: 'Bearer tok', Accept: 'text/event-stream' },
      { Authorization: 'Bearer tok', Accept: 'text/event-stream', 'Last-Event-ID': 'e1' },
    ]);
    expect(run.frames.map((f) => `${f.event} ${f.id} ${f.data}`)).toEqual(['status e1 {"caseId":"c1"}', 'status e2 {"caseId":"c2"}']);
    expect(run.states.filter((s, i, all) => s !== all[i - 1])).toEqual(['open', 'reconnecting', 'open']);
    expect(sessionExpired.mock.calls).toEqual([['expired']]);
  });

  it('tells a refused token from an expired one on a 401, and does not reconnect', async () => {
    session = { token: 'tok', exp: Math.floor(Date.now() / 1000) + 3600 };
    const run = follow([new Response(JSON.stringify({ code: 'TOKEN_REVOKED' }), { status: 401 })]);
    await run.done;
    expect(run.sent).toHaveLength(1);
    expect(sessionExpired.mock.calls).toEqual([['refused']]);
  });

  it('opens nothing without a session', async () => {
    session = null;
    const run = follow([]);
    await run.done;
    expect(run.sent).toHaveLength(0);
    expect(sessionExpired.mock.calls).toEqual([['expired']]);
  });

  it('stops at the token’s exp without reconnecting (the Layout’s timer ends the session)', async () => {
    session = { token: 'tok', exp: Math.floor(Date.now() / 1000) + 1 };
    const open = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode('id: e1\nevent: status\ndata: {}\n\n')),
    });
    const run = follow([new Response(open, { status: 200 })]);
    await run.done;
    expect(run.sent).toHaveLength(1);
    expect(run.frames.map((f) => f.id)).toEqual(['e1']);
    expect(run.states).not.toContain('reconnecting');
    expect(sessionExpired).not.toHaveBeenCalled();
  });

  it('follows on with the renewed token at the old one’s end (signed in through the identity provider)', async () => {
    session = { token: 'old', exp: Math.floor(Date.now() / 1000) + 3600 };
    const run = follow([
      stream('id: e1\nevent: status\ndata: {}\n\nevent: token-expired\ndata: {}\n\n'),
      stream('id: e2\nevent: status\ndata: {}\n\nevent: token-expired\ndata: {}\n\n'),
    ]);
    // watchExpiry renewed the session while the first stream was open.
    session = { token: 'new', exp: Math.floor(Date.now() / 1000) + 3600 };
    await run.done;
    expect(run.sent).toEqual([
      { Authorization: 'Bearer old', Accept: 'text/event-stream' },
      { Authorization: 'Bearer new', Accept: 'text/event-stream', 'Last-Event-ID': 'e1' },
    ]);
    expect(run.frames.map((f) => f.id)).toEqual(['e1', 'e2']);
    expect(run.states).not.toContain('reconnecting');
    expect(sessionExpired.mock.calls).toEqual([['expired']]);
  });

  it('waits 1 s, 2 s, 4 s, 8 s, then 15 s between attempts', () => {
    expect([1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });
});

import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

import type * as Session from './session';
import { currentSession, type ProviderPort, type SignedOut, signIn, signOut, watchExpiry } from './session';
import { TabStorage } from './testing/tab-storage';

const NOW = Date.parse('2026-12-03T10:00:00Z') / 1000;

/** An access token as Keycloak shapes it (session.ts reads the claims only; the services check the signature). */
function accessToken(claims: { iat: number; exp: number; jti: string }): string {
  const body = btoa(
    JSON.stringify({ sub: 'demo-county-bureau-clerk', unit: 'unit-county-bureau', division: '410726000000', roles: ['clerk'], ...claims }),
  )
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `eyJhbGciOiJFUzI1NiJ9.${body}.c2lnbmF0dXJl`;
}

/** The identity provider's renewals, each answered when the test says so; what the tab held when it was told to forget or end. */
function provider(ended: SignedOut = 'done') {
  const answers: Array<(token: string) => void> = [];
  const storedAtEnd: Array<Array<[string, string]>> = [];
  const storedAtForget: Array<Array<[string, string]>> = [];
  let forgotten: () => void = () => undefined;
  const port: ProviderPort = {
    renew: () => new Promise<string>((resolve) => answers.push(resolve)),
    forget: () =>
      new Promise<void>((resolve) => {
        storedAtForget.push(tab.entries());
        forgotten = resolve;
      }),
    end: async () => {
      storedAtEnd.push(tab.entries());
      return ended;
    },
  };
  return { port, answers, storedAtEnd, storedAtForget, forget: () => forgotten() };
}

/** Lets the promise callbacks of an answered renewal run (no time passes). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

let tab: TabStorage;

/** Each test of the calling describe runs on fake timers at NOW with a fresh tab storage. */
function withClockAndTab(): void {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW * 1000 });
    tab = new TabStorage();
    globalThis.sessionStorage = tab;
  });
  afterEach(() => {
    jest.useRealTimers();
  });
}

describe('the console’s session and its renewal (session.ts)', () => {
  withClockAndTab();

  it('drops a renewal that answers after sign-out: no token is left in the tab and nothing is watched any more', async () => {
    // Signed in 14 minutes ago with a 15-minute token: renewal is due now.
    const first = accessToken({ iat: NOW - 840, exp: NOW + 60, jti: 'first' });
    const session = signIn(first, 'oidc');
    const { port, answers, storedAtEnd } = provider();
    const stop = watchExpiry(session, port);
    jest.advanceTimersByTime(0);
    expect(answers.length).toBe(1);

    void signOut(port);
    // The provider's sign-out began with nothing of the session left in the tab.
    expect(storedAtEnd).toEqual([[]]);
    answers[0]?.(accessToken({ iat: NOW, exp: NOW + 900, jti: 'renewed' }));
    await settle();

    expect(tab.entries()).toEqual([]);
    expect(currentSession()).toBeNull();
    // The watch stopped with the sign-out itself (the frame has not unmounted yet): no expiry, no renewal pending.
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(3_600_000);
    expect(answers.length).toBe(1);
    stop();
  });

  it('keeps a renewal that answers before sign-out, then drops everything at sign-out', async () => {
    const session = signIn(accessToken({ iat: NOW - 840, exp: NOW + 60, jti: 'first' }), 'oidc');
    const { port, answers, storedAtEnd } = provider();
    const stop = watchExpiry(session, port);
    jest.advanceTimersByTime(0);
    const renewed = accessToken({ iat: NOW, exp: NOW + 900, jti: 'renewed' });
    answers[0]?.(renewed);
    await settle();
    expect(currentSession()?.token).toBe(renewed);
    // The new token's expiry and its renewal 14 minutes on.
    expect(jest.getTimerCount()).toBe(2);

    void signOut(port);
    expect([storedAtEnd, tab.entries(), jest.getTimerCount()]).toEqual([[[]], [], 0]);
    stop();
  });

  it('does not renew again and again when the tab’s clock is ahead of the provider’s', async () => {
    const session = signIn(accessToken({ iat: NOW - 840, exp: NOW + 60, jti: 'first' }), 'oidc');
    const { port, answers } = provider();
    const stop = watchExpiry(session, port);
    jest.advanceTimersByTime(0);
    // The provider's clock is 14 minutes behind the tab's: its new token, too, looks one minute from its exp here.
    answers[0]?.(accessToken({ iat: NOW - 840, exp: NOW + 60, jti: 'renewed' }));
    await settle();
    jest.advanceTimersByTime(59_000);
    expect(answers.length).toBe(1);
    stop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('tells the caller when the identity provider could not be reached at sign-out, with nothing left in the tab', async () => {
    signIn(accessToken({ iat: NOW - 60, exp: NOW + 840, jti: 'first' }), 'oidc');
    const { port, storedAtEnd } = provider('provider-unreachable');
    expect(await signOut(port)).toBe('provider-unreachable');
    expect([storedAtEnd, tab.entries()]).toEqual([[[]], []]);
  });

  it('signs a development session out without asking any identity provider', async () => {
    signIn(accessToken({ iat: NOW - 60, exp: NOW + 840, jti: 'dev' }));
    const { port, storedAtEnd } = provider('provider-unreachable');
    expect(await signOut(port)).toBe('done');
    expect([storedAtEnd, tab.entries()]).toEqual([[], []]);
  });
});

/** A page of the console (session.ts's state is per page: each test loads the module afresh), at `path`. */
async function page(path: string): Promise<{ session: typeof Session; went: string[] }> {
  const went: string[] = [];
  globalThis.window = {
    location: { pathname: path, search: '', assign: (url: string) => went.push(url) },
  } as unknown as Window & typeof globalThis;
  let session: typeof Session | undefined;
  await jest.isolateModulesAsync(async () => {
    session = await import('./session');
  });
  if (!session) throw new Error('session.ts not loaded');
  return { session, went };
}

describe('a session that ends without sign-out (session.ts sessionExpired)', () => {
  const kept = globalThis.window;
  withClockAndTab();
  afterEach(() => {
    globalThis.window = kept;
  });

  it('has the provider forget its tokens when a service refuses the token, and leaves for sign-in only once they are gone', async () => {
    const { session, went } = await page('/inbox');
    const s = session.signIn(accessToken({ iat: NOW - 60, exp: NOW + 840, jti: 'refused' }), 'oidc');
    const { port, answers, storedAtForget, forget } = provider();
    const stop = session.watchExpiry(s, port);

    session.sessionExpired('refused', port);
    // Asked with the console's own session already gone; the watch (its renewal) stopped with it.
    expect([storedAtForget, jest.getTimerCount()]).toEqual([[[]], 1]);
    await settle();
    expect(went).toEqual([]);
    forget();
    await settle();
    expect([went, jest.getTimerCount()]).toEqual([['/sign-in?expired=refused&next=%2Finbox'], 0]);
    // A second refusal (another request's 401) neither asks again for a navigation nor renews.
    session.sessionExpired('refused', port);
    await settle();
    expect([went.length, answers.length]).toEqual([1, 0]);
    stop();
  });

  it('has the provider forget its tokens when the token expires after the provider refused to renew it', async () => {
    const { session, went } = await page('/register');
    const s = session.signIn(accessToken({ iat: NOW - 840, exp: NOW + 60, jti: 'idle' }), 'oidc');
    const port: ProviderPort = { ...provider().port, renew: () => Promise.reject(new Error('invalid_grant')) };
    let forgot = 0;
    port.forget = async () => {
      forgot += 1;
    };
    const stop = session.watchExpiry(s, port);
    jest.advanceTimersByTime(0);
    await settle();
    expect([forgot, went]).toEqual([0, []]);

    jest.advanceTimersByTime(60_000);
    await settle();
    expect([forgot, tab.entries(), went]).toEqual([1, [], ['/sign-in?expired=expired&next=%2Fregister']]);
    stop();
  });

  it('leaves for sign-in even if the provider’s module never answers (after two seconds)', async () => {
    const { session, went } = await page('/desk');
    session.signIn(accessToken({ iat: NOW - 60, exp: NOW + 840, jti: 'stuck' }), 'oidc');
    const { port } = provider();
    session.sessionExpired('refused', port);
    jest.advanceTimersByTime(1_999);
    await settle();
    expect(went).toEqual([]);
    jest.advanceTimersByTime(1);
    await settle();
    expect(went).toEqual(['/sign-in?expired=refused&next=%2Fdesk']);
  });

  it('asks no provider to forget a development session', async () => {
    const { session, went } = await page('/inbox');
    session.signIn(accessToken({ iat: NOW - 60, exp: NOW + 840, jti: 'dev' }));
    const { port, storedAtForget } = provider();
    session.sessionExpired('refused', port);
    await settle();
    expect([storedAtForget, tab.entries(), went]).toEqual([[], [], ['/sign-in?expired=refused&next=%2Finbox']]);
  });
});

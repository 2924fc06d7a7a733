import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

import { currentSession, type ProviderPort, signIn, signOut, watchExpiry } from './session';
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

/** The identity provider's renewals, each answered when the test says so. */
function provider() {
  const answers: Array<(token: string) => void> = [];
  const storedAtEnd: Array<Array<[string, string]>> = [];
  const port: ProviderPort = {
    renew: () => new Promise<string>((resolve) => answers.push(resolve)),
    end: async () => {
      storedAtEnd.push(tab.entries());
    },
  };
  return { port, answers, storedAtEnd };
}

/** Lets the promise callbacks of an answered renewal run (no time passes). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

let tab: TabStorage;

describe('the console’s session and its renewal (session.ts)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW * 1000 });
    tab = new TabStorage();
    globalThis.sessionStorage = tab;
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('drops a renewal that answers after sign-out: no token is left in the tab and nothing is watched any more', async () => {
    // Signed in 14 minutes ago with a 15-minute token: renewal is due now.
    const first = accessToken({ iat: NOW - 840, exp: NOW + 60, jti: 'first' });
    const session = signIn(first, 'oidc');
    const { port, answers, storedAtEnd } = provider();
    const stop = watchExpiry(session, port);
    jest.advanceTimersByTime(0);
    expect(answers.length).toBe(1);

    signOut(port);
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

    signOut(port);
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
});

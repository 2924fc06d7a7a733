import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { User } from 'oidc-client-ts';

import { TabStorage } from '../testing/tab-storage';
import type { OidcSettings } from './config';
import { endSession, forgetSession, renewAccessToken } from './oidc';

const ORIGIN = 'http://127.0.0.1:8080';
const NOW = Math.floor(Date.now() / 1000);

interface Tab {
  storage: TabStorage;
  /** Where the page was sent (location.assign), resolved at the first navigation. */
  left: Promise<string>;
  /** The provider's token endpoint was asked; answer(...) answers it. */
  tokenAsked: Promise<URLSearchParams>;
  answer(body: Record<string, unknown>): void;
  /** From now on the provider cannot be reached (down, or the network to it): every request to it fails. */
  cut(): void;
  /** Whether the page was sent anywhere (location.assign). */
  navigated(): boolean;
}

/**
 * oidc-client-ts as the console runs it, in a tab whose network reaches the realm's discovery document at once and
 * whose token request is answered when the test says so (the provider's answer arriving late, as under load).
 */
function tab(realm: string): { settings: OidcSettings; tab: Tab } {
  const authority = `http://127.0.0.1:8180/realms/${realm}`;
  const storage = new TabStorage();
  let leave: (url: string) => void = () => undefined;
  let navigated = false;
  const left = new Promise<string>((resolve) => (leave = resolve));
  let reachable = true;
  let asked: (form: URLSearchParams) => void = () => undefined;
  const tokenAsked = new Promise<URLSearchParams>((resolve) => (asked = resolve));
  let answer: (body: Record<string, unknown>) => void = () => undefined;
  const answered = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
  const win = {
    location: {
      origin: ORIGIN,
      href: `${ORIGIN}/inbox`,
      assign: (url: string) => {
        navigated = true;
        leave(url);
      },
    },
    addEventListener: () => undefined,
    sessionStorage: storage,
  };
  Object.assign(win, { self: win, top: win });
  globalThis.window = win as unknown as Window & typeof globalThis;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (!reachable) throw new TypeError('Failed to fetch');
    if (url === `${authority}/.well-known/openid-configuration`) {
      return Response.json({
        issuer: authority,
        authorization_endpoint: `${authority}/protocol/openid-connect/auth`,
        token_endpoint: `${authority}/protocol/openid-connect/token`,
        end_session_endpoint: `${authority}/protocol/openid-connect/logout`,
        jwks_uri: `${authority}/protocol/openid-connect/certs`,
      });
    }
    if (url === `${authority}/protocol/openid-connect/token`) {
      asked(new URLSearchParams(String(init?.body)));
      return Response.json(await answered);
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  // Signed in a while ago (finishSignIn stored this user).
  const user = new User({
    id_token: 'id-token-1',
    access_token: 'access-token-1',
    refresh_token: 'refresh-token-1',
    token_type: 'Bearer',
    scope: 'openid',
    profile: { iss: authority, sub: 'demo-county-bureau-clerk', aud: 'sunshine-console', iat: NOW - 840, exp: NOW + 60 },
    expires_at: NOW + 60,
  });
  storage.setItem(`oidc.user:${authority}:sunshine-console`, user.toStorageString());
  const cut = (): void => {
    reachable = false;
  };
  return {
    settings: { authority, clientId: 'sunshine-console' },
    tab: { storage, left, tokenAsked, answer, cut, navigated: () => navigated },
  };
}

const RENEWED = {
  access_token: 'access-token-2',
  refresh_token: 'refresh-token-2',
  token_type: 'Bearer',
  expires_in: 900,
  scope: 'openid',
};

describe('sign-out through the identity provider (auth/oidc.ts, oidc-client-ts)', () => {
  restoresWindowAndFetch();

  it('drops a renewal that the provider answers after sign-out: no token is stored, the renewal fails', async () => {
    const { settings, tab: t } = tab('race');
    const renewal = settled(renewAccessToken(settings));
    expect(Object.fromEntries(await t.tokenAsked)).toEqual({
      grant_type: 'refresh_token',
      client_id: 'sunshine-console',
      refresh_token: 'refresh-token-1',
      scope: 'openid',
    });

    void endSession(settings);
    const logout = new URL(await t.left);
    expect([
      logout.origin + logout.pathname,
      logout.searchParams.get('id_token_hint'),
      logout.searchParams.get('post_logout_redirect_uri'),
    ]).toEqual(['http://127.0.0.1:8180/realms/race/protocol/openid-connect/logout', 'id-token-1', `${ORIGIN}/sign-in`]);
    expect(t.storage.keys().filter((k) => k.startsWith('oidc.user:'))).toEqual([]);

    t.answer(RENEWED);
    expect(await renewal).toEqual({ error: 'Error: session ended while renewing: the answer is dropped' });
    expect(t.storage.keys().filter((k) => k.startsWith('oidc.user:'))).toEqual([]);
    expect(t.storage.values().filter((v) => v.includes('access-token'))).toEqual([]);
    // And none starts afterwards.
    expect(await renewAccessToken(settings).catch((error: unknown) => String(error))).toBe('Error: session ended: no renewal');
  });

  it('stores a renewal answered before sign-out, and removes it at sign-out', async () => {
    const { settings, tab: t } = tab('renewed');
    const renewal = renewAccessToken(settings);
    await t.tokenAsked;
    t.answer(RENEWED);
    expect(await renewal).toBe('access-token-2');
    const stored = JSON.parse(t.storage.getItem('oidc.user:http://127.0.0.1:8180/realms/renewed:sunshine-console') ?? '{}') as Record<
      string,
      unknown
    >;
    expect([stored['access_token'], stored['refresh_token']]).toEqual(['access-token-2', 'refresh-token-2']);

    void endSession(settings);
    expect(new URL(await t.left).searchParams.get('id_token_hint')).toBe('id-token-1');
    expect(t.storage.keys().filter((k) => k.startsWith('oidc.user:'))).toEqual([]);
  });

  it('signs out here when the provider cannot be reached, and says so: no token left, no navigation to an error page', async () => {
    const { settings, tab: t } = tab('down');
    // Signed in (the provider's discovery document read then), then the provider goes down.
    const renewal = renewAccessToken(settings);
    await t.tokenAsked;
    t.answer(RENEWED);
    expect(await renewal).toBe('access-token-2');
    t.cut();

    expect(await endSession(settings)).toBe('unreachable');
    expect(t.storage.keys().filter((k) => k.startsWith('oidc.user:'))).toEqual([]);
    expect(t.storage.values().filter((v) => v.includes('-token-'))).toEqual([]);
    expect(t.navigated()).toBe(false);
  });

  it('signs out here when the provider was never reached from this page and is down now', async () => {
    const { settings, tab: t } = tab('down-from-the-start');
    t.cut();
    expect(await endSession(settings)).toBe('unreachable');
    expect([t.storage.keys().filter((k) => k.startsWith('oidc.user:')), t.navigated()]).toEqual([[], false]);
  });
});

describe('a session that ends without sign-out (auth/oidc.ts forgetSession: token expired, a service refused it)', () => {
  restoresWindowAndFetch();

  it('removes the user (its refresh token) from the tab and drops a renewal answered afterwards; none starts again', async () => {
    const { settings, tab: t } = tab('refused');
    const renewal = settled(renewAccessToken(settings));
    await t.tokenAsked;

    await forgetSession(settings);
    expect(t.storage.keys().filter((k) => k.startsWith('oidc.user:'))).toEqual([]);

    t.answer(RENEWED);
    expect(await renewal).toEqual({ error: 'Error: session ended while renewing: the answer is dropped' });
    expect(t.storage.values().filter((v) => v.includes('-token-'))).toEqual([]);
    expect(await renewAccessToken(settings).catch((error: unknown) => String(error))).toBe('Error: session ended: no renewal');
    // Not a sign-out: the browser is not sent to the provider (its session ends by its own timeouts).
    expect(t.navigated()).toBe(false);
  });

  it('removes the user of a session whose token expired with no renewal on its way', async () => {
    const { settings, tab: t } = tab('expired');
    expect(t.storage.keys()).toEqual(['oidc.user:http://127.0.0.1:8180/realms/expired:sunshine-console']);
    await forgetSession(settings);
    expect([t.storage.keys(), t.navigated()]).toEqual([[], false]);
  });
});

/** Each test of the calling describe gets back the window and fetch it started with (the tests stub both). */
function restoresWindowAndFetch(): void {
  const kept = { window: globalThis.window, fetch: globalThis.fetch };
  beforeEach(() => {
    kept.window = globalThis.window;
    kept.fetch = globalThis.fetch;
  });
  afterEach(() => {
    globalThis.window = kept.window;
    globalThis.fetch = kept.fetch;
  });
}

/** A renewal's outcome as a value: the token, or the error's text. */
function settled(renewal: Promise<string>): Promise<{ token: string } | { error: string }> {
  return renewal.then(
    (token) => ({ token }),
    (error: unknown) => ({ error: String(error) }),
  );
}

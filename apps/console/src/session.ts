import type { OidcSettings } from './auth/config';
import type * as Oidc from './auth/oidc';

/** The signed-in staff member: the token in sessionStorage (one tab, gone with the tab), its claims read for display. */
export interface StaffSession {
  readonly token: string;
  readonly sub: string;
  readonly unit: string;
  readonly division: string;
  readonly roles: readonly string[];
  readonly name?: string;
  /** Seconds since the epoch. */
  readonly exp: number;
  /** When the token was issued (seconds since the epoch), if it says. */
  readonly iat?: number;
}

const KEY = 'sunshine.session';
/** Where the token came from: the identity provider (renewed, signed out there too) or the development sign-in. */
const SOURCE_KEY = 'sunshine.session.source';
export type SessionSource = 'dev' | 'oidc';
/** An access token from the identity provider is renewed this long before its exp (or at half its life if shorter). */
const RENEW_BEFORE_MS = 60_000;

function decodeClaims(token: string): Omit<StaffSession, 'token'> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const c = JSON.parse(json) as Record<string, unknown>;
    if (typeof c['sub'] !== 'string' || typeof c['unit'] !== 'string' || typeof c['exp'] !== 'number') return null;
    return {
      sub: c['sub'],
      unit: c['unit'],
      division: String(c['division'] ?? ''),
      roles: Array.isArray(c['roles']) ? c['roles'].map(String) : [],
      name: typeof c['name'] === 'string' ? c['name'] : undefined,
      exp: c['exp'],
      iat: typeof c['iat'] === 'number' ? c['iat'] : undefined,
    };
  } catch {
    return null;
  }
}

export function currentSession(): StaffSession | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = decodeClaims(token);
  if (!claims || claims.exp * 1000 <= Date.now()) return null;
  return { token, ...claims };
}

export function signIn(token: string, source: SessionSource = 'dev'): StaffSession {
  sessionStorage.setItem(KEY, token);
  sessionStorage.setItem(SOURCE_KEY, source);
  const s = currentSession();
  if (!s) throw new Error('无效的令牌 / invalid token');
  return s;
}

function sessionSource(): SessionSource {
  return sessionStorage.getItem(SOURCE_KEY) === 'oidc' ? 'oidc' : 'dev';
}

/** Counts the ends of sessions (sign-out, expiry): a renewal asked for before one is dropped when it answers. */
let generation = 0;
/** The running expiry watches (their stops): an ended session stops them itself, not only when the frame unmounts. */
const watches = new Set<() => void>();

function forget(): void {
  generation += 1;
  for (const stop of [...watches]) stop();
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(SOURCE_KEY);
}

/** How a sign-out ended: all done, or the identity provider could not be reached (its session may still be open). */
export type SignedOut = 'done' | 'provider-unreachable';
/** The sign-in page after a sign-out that could not reach the identity provider (it tells the user what that means). */
export const PROVIDER_UNREACHABLE_PATH = '/sign-in?signed-out=provider-unreachable';

/** What the session asks of the identity provider (auth/oidc.ts, its own chunk, when one is configured). */
export interface ProviderPort {
  /** A new access token (undefined without a provider); throws when the provider refuses. */
  renew(): Promise<string | undefined>;
  /** Forgets its tokens (the library's user) and stops renewal, without ending its session (expiry, refusal). */
  forget(): Promise<void>;
  /** Forgets its tokens and ends its session (the browser leaves for its end-session endpoint), if it can be reached. */
  end(): Promise<SignedOut>;
}

const PROVIDER: ProviderPort = {
  renew: () => withProvider((oidc, settings) => oidc.renewAccessToken(settings)),
  forget: async () => {
    await withProvider((oidc, settings) => oidc.forgetSession(settings));
  },
  end: async () => {
    // Not even the provider's module could be loaded: its session was not ended either.
    const ended = await withProvider((oidc, settings) => oidc.endSession(settings)).catch(() => 'unreachable' as const);
    return ended === 'unreachable' ? 'provider-unreachable' : 'done';
  },
};

/**
 * The user signs out, for good: renewal stops first (a renewal on its way is dropped when it answers, here and in
 * auth/oidc.ts), the token is forgotten; signed in through the identity provider, its tokens are removed and its
 * session is ended too (the browser goes to its end-session endpoint and comes back to the sign-in page). Resolves
 * `provider-unreachable` when the provider could not be reached: signed out here, but its session may still be open.
 */
export async function signOut(provider: ProviderPort = PROVIDER): Promise<SignedOut> {
  const source = sessionSource();
  forget();
  return source === 'oidc' ? provider.end() : 'done';
}

/** Runs `f` with the identity provider's module (its own chunk) when one is configured. */
async function withProvider<T>(f: (oidc: typeof Oidc, settings: OidcSettings) => Promise<T>): Promise<T | undefined> {
  const { consoleConfig } = await import('./auth/config');
  const settings = (await consoleConfig()).oidc;
  if (!settings) return undefined;
  return f(await import('./auth/oidc'), settings);
}

/** The page is on its way to sign-in (a full navigation: a new page starts with this false again). */
let leaving = false;

/** Why the session ended: the token's exp passed (TOKEN_EXPIRED, or the stream's token-expired), or a service refused it. */
export type SessionEnd = 'expired' | 'refused';

/** How long the way to sign-in waits for the identity provider's tokens to be removed (they are in this tab: no network). */
const FORGET_WAIT_MS = 2_000;

/**
 * The session ended: back to sign-in with the reason (shown in Chinese there), coming back to where the user was.
 * Signed in through the identity provider, its tokens (refresh token included) are removed from the tab and renewal
 * stops first, as at sign-out. Forms keep their drafts (useDraft: sessionStorage, which signing out leaves alone), so
 * a registration being typed when the token expires is there again after signing in.
 */
export function sessionExpired(why: SessionEnd = 'expired', provider: ProviderPort = PROVIDER): void {
  // An old token's end (a stream opened with it) after the identity provider's session was renewed does not end it.
  if (why === 'expired' && sessionSource() === 'oidc' && currentSession()) return;
  const source = sessionSource();
  forget();
  const forgotten = source === 'oidc' ? provider.forget().catch(() => undefined) : Promise.resolve();
  // Once: the timer at exp and a service's 401 often both arrive, and a second navigation would abort the first.
  if (leaving) return;
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname.startsWith('/sign-in')) return;
  leaving = true;
  // The page leaves once the tokens are gone (a page that unloads first would keep them), or after FORGET_WAIT_MS if
  // the provider's module cannot even be loaded.
  let wait: ReturnType<typeof setTimeout> | undefined;
  void Promise.race([forgotten, new Promise<void>((resolve) => (wait = setTimeout(resolve, FORGET_WAIT_MS)))]).then(() => {
    clearTimeout(wait);
    window.location.assign(`/sign-in?expired=${why}&next=${encodeURIComponent(here)}`);
  });
}

/** setTimeout holds 32-bit milliseconds. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sends the user to sign-in when the token's exp passes (the services refuse it from then on). A token from the
 * identity provider is renewed before that (its refresh token: a minute before exp, or at half its life if shorter;
 * a token just renewed not before half its life, so a clock ahead of the provider's cannot renew again and again)
 * and the watch goes on with the new one; if renewal fails (the provider's session idled out or was ended), exp ends
 * the session. A renewal that answers after the session ended (sign-out, expiry) is dropped. The stop cancels; the end
 * of the session stops it too.
 */
export function watchExpiry(s: StaffSession, provider: ProviderPort = PROVIDER): () => void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let cancelled = false;
  const after = (ms: number, f: () => void): ReturnType<typeof setTimeout> => {
    const t = setTimeout(() => {
      timers.delete(t);
      f();
    }, ms);
    timers.add(t);
    return t;
  };
  const watch = (session: StaffSession, renewed: boolean): void => {
    const ms = session.exp * 1000 - Date.now();
    // A token valid for longer than ~24 days is looked at again later.
    const expiry = after(Math.max(0, Math.min(ms, MAX_TIMER_MS)), () =>
      ms > MAX_TIMER_MS ? undefined : sessionExpired('expired', provider),
    );
    if (sessionSource() !== 'oidc' || ms > MAX_TIMER_MS) return;
    const lifeMs = (session.exp - (session.iat ?? session.exp - (2 * RENEW_BEFORE_MS) / 1000)) * 1000;
    const renewIn = ms - Math.min(RENEW_BEFORE_MS, lifeMs / 2);
    after(Math.max(0, renewed ? Math.max(renewIn, lifeMs / 2) : renewIn), () => {
      const asked = generation;
      void provider
        .renew()
        .then((token) => {
          if (cancelled || asked !== generation || !token) return;
          clearTimeout(expiry);
          timers.delete(expiry);
          watch(signIn(token, 'oidc'), true);
        })
        .catch(() => undefined);
    });
  };
  const stop = (): void => {
    cancelled = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    watches.delete(stop);
  };
  watches.add(stop);
  watch(s, false);
  return stop;
}

export function hasRole(s: StaffSession | null, ...roles: string[]): boolean {
  return !!s && roles.some((r) => s.roles.includes(r));
}

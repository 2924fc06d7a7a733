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
}

const KEY = 'sunshine.session';

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

export function signIn(token: string): StaffSession {
  sessionStorage.setItem(KEY, token);
  const s = currentSession();
  if (!s) throw new Error('无效的令牌 / invalid token');
  return s;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

/** Why the session ended: the token's exp passed (TOKEN_EXPIRED, or the stream's token-expired), or a service refused it. */
export type SessionEnd = 'expired' | 'refused';

/**
 * The session ended: back to sign-in with the reason (shown in Chinese there), coming back to where the user was.
 * Forms keep their drafts (useDraft: sessionStorage, which signing out leaves alone), so a registration being typed
 * when the token expires is there again after signing in.
 */
export function sessionExpired(why: SessionEnd = 'expired'): void {
  signOut();
  const here = window.location.pathname + window.location.search;
  if (!window.location.pathname.startsWith('/sign-in')) window.location.assign(`/sign-in?expired=${why}&next=${encodeURIComponent(here)}`);
}

/** Sends the user to sign-in when the token's exp passes (the services refuse it from then on); the cleanup cancels. */
export function watchExpiry(s: StaffSession): () => void {
  const ms = s.exp * 1000 - Date.now();
  // setTimeout holds 32-bit milliseconds: a token valid for longer than ~24 days is looked at again later.
  const t = setTimeout(() => (ms > 2 ** 31 - 1 ? undefined : sessionExpired('expired')), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
  return () => clearTimeout(t);
}

export function hasRole(s: StaffSession | null, ...roles: string[]): boolean {
  return !!s && roles.some((r) => s.roles.includes(r));
}

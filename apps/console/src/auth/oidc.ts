/**
 * Sign-in through the identity provider (Keycloak realm `sunshine`, public client `sunshine-console`) with
 * oidc-client-ts: the authorization code flow with PKCE (S256), the code returned to the sign-in page (the client's one
 * exact redirect URI), the access token renewed with the refresh token before it expires, and sign-out ending the
 * provider's session too. Loaded only when an identity provider is configured (its own chunk).
 *
 * Sign-out is final: from its first step no renewal is started, one already on its way is dropped when it answers
 * (neither stored by oidc-client-ts nor handed to the session), and the user is removed before the browser leaves for
 * the provider's end-session endpoint. A session that ends otherwise (its token expired, a service refused it) drops
 * the user the same way (forgetSession), so no refresh token stays in the tab. When the provider cannot be reached at
 * sign-out, the local session is still gone and the caller is told (the provider's session may still be open).
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

import type { OidcSettings } from './config';
import { ClosableUserStore } from './user-store';

/** The console's sign-in page: where the provider sends the code back and where sign-out lands (exact, see the realm). */
export const REDIRECT_PATH = '/sign-in';

const redirectUri = (): string => `${window.location.origin}${REDIRECT_PATH}`;

let manager: { key: string; um: UserManager; userStore: ClosableUserStore } | undefined;

function oidcClient(s: OidcSettings): { um: UserManager; userStore: ClosableUserStore } {
  const key = `${s.authority} ${s.clientId}`;
  if (manager?.key !== key) {
    // The tokens stay with the tab (sessionStorage), as the development session does; closed by sign-out.
    const userStore = new ClosableUserStore(new WebStorageStateStore({ store: window.sessionStorage }));
    manager = {
      key,
      userStore,
      um: new UserManager({
        authority: s.authority,
        client_id: s.clientId,
        redirect_uri: redirectUri(),
        post_logout_redirect_uri: redirectUri(),
        response_type: 'code',
        scope: 'openid',
        userStore,
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
        // Renewal is timed by session.ts (watchExpiry), never by oidc-client-ts itself.
        automaticSilentRenew: false,
        monitorSession: false,
        loadUserInfo: false,
      }),
    };
  }
  return manager;
}

const userManager = (s: OidcSettings): UserManager => oidcClient(s).um;

/** To the provider's login page; `next` (a path of the console) comes back in the state. */
export async function beginSignIn(s: OidcSettings, next: string): Promise<void> {
  await userManager(s).signinRedirect({ state: { next } });
}

let finishing: { url: string; result: Promise<{ accessToken: string; next?: string }> } | undefined;

/**
 * Exchanges the code (with the PKCE verifier kept for this state) for the tokens; the provider's refusal
 * (e.g. error=access_denied) is thrown. Once per answer even if a component asks twice.
 */
export function finishSignIn(s: OidcSettings): Promise<{ accessToken: string; next?: string }> {
  const url = window.location.href;
  if (finishing?.url !== url) {
    finishing = {
      url,
      result: userManager(s)
        .signinRedirectCallback(url)
        .then((user) => {
          const state = user.state as { next?: unknown } | undefined;
          return { accessToken: user.access_token, next: typeof state?.next === 'string' ? state.next : undefined };
        }),
    };
  }
  return finishing.result;
}

/**
 * A new access token by the refresh token (no page load); throws when the provider's session is over, and when the
 * session ended (sign-out, expiry, refusal) before or while it was asked for (its answer is then dropped: the closed
 * store kept nothing).
 */
export async function renewAccessToken(s: OidcSettings): Promise<string> {
  const { um, userStore } = oidcClient(s);
  if (userStore.closed) throw new Error('session ended: no renewal');
  const user = await um.signinSilent();
  if (userStore.closed) {
    // The closed store kept nothing; removing again also stops the token timers oidc-client-ts armed for that user.
    await um.removeUser();
    throw new Error('session ended while renewing: the answer is dropped');
  }
  if (!user?.access_token) throw new Error('renewal gave no access token');
  return user.access_token;
}

/** How long sign-out waits for the provider to answer before telling the user it could not be reached. */
export const PROVIDER_REACH_TIMEOUT_MS = 3_000;

/** Closes the user store (nothing stored from here on, a renewal in flight included), stops renewal, removes the user. */
async function forgetUser(s: OidcSettings): Promise<{ um: UserManager; idToken?: string }> {
  const { um, userStore } = oidcClient(s);
  userStore.close();
  um.stopSilentRenew();
  const user = await um.getUser();
  await um.removeUser();
  return { um, idToken: user?.id_token };
}

/**
 * The session ended without sign-out (its token expired, a service refused it): the user (access and refresh tokens)
 * is removed from the tab and renewal stops for the rest of the page, as at sign-out; the provider's session is left
 * to its own timeouts (no redirect).
 */
export async function forgetSession(s: OidcSettings): Promise<void> {
  await forgetUser(s);
}

/** Whether the provider answers now (its discovery document, not the copy oidc-client-ts read at sign-in). */
async function providerAnswers(s: OidcSettings): Promise<boolean> {
  try {
    const res = await fetch(`${s.authority}/.well-known/openid-configuration`, {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(PROVIDER_REACH_TIMEOUT_MS),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** How sign-out ended at the provider: the browser left for its end-session endpoint, or it could not be reached. */
export type ProviderSignOut = 'redirected' | 'unreachable';

/**
 * Signs out for good: first closes the user store (no renewal stores anything from here on, one in flight included)
 * and stops renewal, then removes the user and ends the provider's session (its end-session endpoint with the id
 * token as hint, back to the sign-in page). The provider not answering (down, or the network to it): the browser stays
 * (it would only show an error page), the local session is gone all the same, and `unreachable` tells the caller that
 * the provider's session may still be open.
 */
export async function endSession(s: OidcSettings): Promise<ProviderSignOut> {
  const { um, idToken } = await forgetUser(s);
  if (!(await providerAnswers(s))) return 'unreachable';
  try {
    await um.signoutRedirect({ id_token_hint: idToken, post_logout_redirect_uri: redirectUri() });
    return 'redirected';
  } catch {
    return 'unreachable';
  }
}

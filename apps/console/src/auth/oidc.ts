/**
 * Sign-in through the identity provider (Keycloak realm `sunshine`, public client `sunshine-console`) with
 * oidc-client-ts: the authorization code flow with PKCE (S256), the code returned to the sign-in page (the client's one
 * exact redirect URI), the access token renewed with the refresh token before it expires, and sign-out ending the
 * provider's session too. Loaded only when an identity provider is configured (its own chunk).
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

import type { OidcSettings } from './config';

/** The console's sign-in page: where the provider sends the code back and where sign-out lands (exact, see the realm). */
export const REDIRECT_PATH = '/sign-in';

const redirectUri = (): string => `${window.location.origin}${REDIRECT_PATH}`;

let manager: { key: string; um: UserManager } | undefined;

function userManager(s: OidcSettings): UserManager {
  const key = `${s.authority} ${s.clientId}`;
  if (manager?.key !== key) {
    manager = {
      key,
      um: new UserManager({
        authority: s.authority,
        client_id: s.clientId,
        redirect_uri: redirectUri(),
        post_logout_redirect_uri: redirectUri(),
        response_type: 'code',
        scope: 'openid',
        // The tokens stay with the tab (sessionStorage), as the development session does; renewal is timed by session.ts.
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
        automaticSilentRenew: false,
        monitorSession: false,
        loadUserInfo: false,
      }),
    };
  }
  return manager.um;
}

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

/** A new access token by the refresh token (no page load); throws when the provider's session is over. */
export async function renewAccessToken(s: OidcSettings): Promise<string> {
  const user = await userManager(s).signinSilent();
  if (!user?.access_token) throw new Error('renewal gave no access token');
  return user.access_token;
}

/** Forgets the tokens and ends the provider's session (its end-session endpoint, back to the sign-in page). */
export async function endSession(s: OidcSettings): Promise<void> {
  const um = userManager(s);
  const user = await um.getUser();
  await um.removeUser();
  await um.signoutRedirect({ id_token_hint: user?.id_token, post_logout_redirect_uri: redirectUri() });
}

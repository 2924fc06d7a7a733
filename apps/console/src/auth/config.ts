/**
 * The console's runtime configuration, served next to the build (`/console-config.json`, rendered by
 * deploy/local/nginx/nginx.sh from CONSOLE_OIDC_AUTHORITY and CONSOLE_OIDC_CLIENT_ID), so one build serves every
 * deployment. With `oidc` the staff sign in through the identity provider (Keycloak, authorization code + PKCE);
 * without it (no such file, as under `vite dev`, or `{}`) the development sign-in of the demo city is used.
 */
export interface OidcSettings {
  /** The issuer, e.g. http://127.0.0.1:8180/realms/sunshine (its /.well-known/openid-configuration is read). */
  readonly authority: string;
  readonly clientId: string;
}

export interface ConsoleConfig {
  readonly oidc?: OidcSettings;
}

export const CONSOLE_CONFIG_PATH = '/console-config.json';

/** Accepts only a well-formed `oidc` (an http(s) authority and a client id); anything else is "no identity provider". */
export function parseConsoleConfig(raw: unknown): ConsoleConfig {
  if (typeof raw !== 'object' || raw === null) return {};
  const oidc = (raw as { oidc?: unknown }).oidc;
  if (typeof oidc !== 'object' || oidc === null) return {};
  const { authority, clientId } = oidc as { authority?: unknown; clientId?: unknown };
  if (typeof authority !== 'string' || typeof clientId !== 'string' || clientId === '' || !/^https?:\/\/[^\s]+$/.test(authority)) return {};
  return { oidc: { authority: authority.replace(/\/+$/, ''), clientId } };
}

let loaded: Promise<ConsoleConfig> | undefined;

/** Read once per page load; a missing file or a body that is not JSON (a dev server's index.html) gives `{}`. */
export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch(CONSOLE_CONFIG_PATH, { cache: 'no-store', headers: { Accept: 'application/json' } })
    .then(async (res) => (res.ok ? parseConsoleConfig(await res.json()) : {}))
    .catch(() => ({}));
  return loaded;
}

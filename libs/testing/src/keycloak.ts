import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { totp } from 'otplib';

import { http, type JsonResponse } from './http';

const ROOT = join(__dirname, '..', '..', '..');
/** The script that installs, starts and describes the local Keycloak (`start`, `env`, `stop`). */
export const KEYCLOAK_SCRIPT = join(ROOT, 'deploy', 'local', 'keycloak.sh');

/** What `keycloak.sh env` exports (KEYCLOAK_URL, the admin and demo passwords, AUTH_JWKS_URL, …). */
export function keycloakEnv(): Record<string, string> {
  const out = execFileSync('bash', [KEYCLOAK_SCRIPT, 'env'], { encoding: 'utf8' });
  return Object.fromEntries([...out.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** Installs (first time) and starts the local Keycloak with the committed realm, and returns what `keycloak.sh env` exports. */
export function startKeycloak(): Record<string, string> {
  execFileSync('bash', [KEYCLOAK_SCRIPT, 'start'], { stdio: ['ignore', 'inherit', 'inherit'] });
  return keycloakEnv();
}

/** Keycloak keeps the OTP secret as the raw text and uses its bytes as the HMAC key (otplib's ascii encoding). */
export const otpSecret = (): string =>
  randomBytes(15)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 20);

/** The code of the current 30-second step, or of a later one (Keycloak's look-ahead window accepts the next). */
export const otpCode = (secret: string, stepsAhead = 0): string => totp.clone({ epoch: Date.now() + stepsAhead * 30000 }).generate(secret);

export interface TokenAnswer {
  readonly status: number;
  readonly access_token?: string;
  readonly error?: string;
  readonly error_description?: string;
}

/** A test's client of the local Keycloak: token requests, the development client's password grant, the admin API. */
export class KeycloakTestClient {
  constructor(
    private readonly env: Record<string, string>,
    readonly realm = 'sunshine',
  ) {}

  url(path: string): string {
    return `${this.env['KEYCLOAK_URL']}${path}`;
  }

  /** A request to a realm's token endpoint (form-encoded, as OAuth wants). */
  async token(realm: string, form: Record<string, string>): Promise<TokenAnswer> {
    const res = await fetch(this.url(`/realms/${realm}/protocol/openid-connect/token`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    return { status: res.status, ...((await res.json()) as Omit<TokenAnswer, 'status'>) };
  }

  /** Password + TOTP through the development client's direct grant (refused in production realms). */
  passwordGrant(username: string, password: string, code: string): Promise<TokenAnswer> {
    return this.token(this.realm, {
      grant_type: 'password',
      client_id: 'sunshine-dev-cli',
      username,
      password,
      totp: code,
      scope: 'openid',
    });
  }

  /** The master realm's admin token lives a minute (a slow start may outlast it): a new one for each call. */
  async adminToken(): Promise<string> {
    const signedIn = await this.token('master', {
      grant_type: 'password',
      client_id: 'admin-cli',
      username: this.env['KEYCLOAK_ADMIN_USERNAME'] ?? '',
      password: this.env['KEYCLOAK_ADMIN_PASSWORD'] ?? '',
    });
    return signedIn.access_token ?? '';
  }

  /** The realm's admin REST API (`/admin/realms/<realm><path>`). */
  async admin<T>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
    return http<T>(method, this.url(`/admin/realms/${this.realm}${path}`), { token: await this.adminToken(), body });
  }
}

/** A service's environment for verifying Keycloak's tokens by its JWKS (no staff public key file), from `keycloak.sh env`. */
export function keycloakVerifierEnv(env: Record<string, string>): Record<string, string> {
  return {
    AUTH_JWKS_URL: env['AUTH_JWKS_URL'] ?? '',
    AUTH_ISSUER: env['AUTH_ISSUER'] ?? '',
    AUTH_AUDIENCE: 'sunshine',
    AUTH_PUBLIC_KEY_FILE: '',
  };
}

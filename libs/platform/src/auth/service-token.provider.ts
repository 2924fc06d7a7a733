import { readFileSync } from 'node:fs';

import { Inject, Injectable } from '@nestjs/common';

import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { SERVICE_TOKEN_LIFETIME_S } from './service-keys';
import { issueServiceToken } from './token-issuer';

/** A cached token is renewed this long before its exp, so no call goes out with a token about to expire. */
const RENEW_BEFORE_MS = 60_000;
const TOKEN_REQUEST_TIMEOUT_MS = 5000;

/** What the service's calls are authorised by: the identity provider's client credentials, or its own signing key. */
export type ServiceTokenSource = 'client-credentials' | 'signing-key';

/**
 * Short-lived tokens a service presents when it calls another service on its own behalf (role `service`, unit
 * `service:<name>`), one cache per service. With AUTH_TOKEN_URL they come from the identity provider by the OAuth
 * client-credentials grant (client `sunshine-<service>`; the realm lets its tokens carry role `service` and nothing
 * else, see tools/keycloak-realm.ts); otherwise the service signs them with its OWN key in SERVICE_SIGNING_KEY_FILE
 * (`kid: service:<name>`, development and tests), which no verifier accepts for anything but this service's own token
 * (service-keys.ts). Callees still apply their own rules to what such a caller may read (@AllowServiceTokens).
 */
@Injectable()
export class ServiceTokenProvider {
  private cached?: { token: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  get source(): ServiceTokenSource {
    return this.config.auth.clientCredentials ? 'client-credentials' : 'signing-key';
  }

  async token(): Promise<string> {
    if (this.cached && this.cached.renewAt > Date.now()) return this.cached.token;
    // Concurrent callers share one request to the identity provider.
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const now = Date.now();
    const { token, lifetimeS } = this.config.auth.clientCredentials ? await this.clientCredentials(now) : await this.selfSigned();
    this.cached = { token, renewAt: now + Math.max(lifetimeS * 1000 - RENEW_BEFORE_MS, lifetimeS * 500) };
    return token;
  }

  /** RFC 6749 §4.4: client_secret_basic, answered with an access token and its lifetime. */
  private async clientCredentials(now: number): Promise<{ token: string; lifetimeS: number }> {
    const cc = this.config.auth.clientCredentials;
    if (!cc) throw new Error('no client credentials configured');
    const secret = readFileSync(cc.secretFile, 'utf8').trim();
    const basic = Buffer.from(`${encodeURIComponent(cc.clientId)}:${encodeURIComponent(secret)}`).toString('base64');
    const res = await fetch(cc.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
      signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (res.status !== 200 || typeof body.access_token !== 'string') {
      // The error code only (e.g. unauthorized_client): never the secret, never the answer's description.
      throw new Error(`client credentials of ${cc.clientId} refused by the identity provider: ${res.status} ${String(body.error ?? '')}`);
    }
    const exp = expOf(body.access_token);
    const lifetimeS = typeof body.expires_in === 'number' ? body.expires_in : exp !== undefined ? exp - Math.floor(now / 1000) : 60;
    return { token: body.access_token, lifetimeS };
  }

  private async selfSigned(): Promise<{ token: string; lifetimeS: number }> {
    const file = this.config.auth.serviceSigningKeyFile;
    if (!file) throw new Error('neither AUTH_TOKEN_URL nor SERVICE_SIGNING_KEY_FILE is configured: this service cannot call others');
    const token = await issueServiceToken(this.config.service, {
      privateKeyPem: readFileSync(file, 'utf8'),
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
    });
    return { token, lifetimeS: SERVICE_TOKEN_LIFETIME_S };
  }
}

function expOf(token: string): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp : undefined;
  } catch {
    return undefined;
  }
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { decodeJwt, decodeProtectedHeader } from 'jose';

import { ConfigurationError, loadPlatformConfig } from '../config/platform-config';
import { ServiceTokenProvider } from './service-token.provider';
import { generateDevKeyPair } from './token-issuer';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  KAFKA_BROKERS: '127.0.0.1:9092',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_JWKS_URL: 'http://127.0.0.1:8180/realms/sunshine/protocol/openid-connect/certs',
  AUTH_ISSUER: 'http://127.0.0.1:8180/realms/sunshine',
};
const TOKEN_URL = 'http://127.0.0.1:8180/realms/sunshine/protocol/openid-connect/token';

// The client-credentials grant itself runs against a real Keycloak in the identity suite
// (e2e/console-keycloak.identity-spec.ts); here, which source a configuration selects and the signing-key fallback.
describe('service tokens: client credentials when configured, the signing key otherwise', () => {
  it('selects the client credentials of sunshine-<service>, the service’s own secret file winning over the shared one', () => {
    const config = loadPlatformConfig('intake', {
      ...valid,
      AUTH_TOKEN_URL: TOKEN_URL,
      SERVICE_CLIENT_SECRET_FILE: '/run/secrets/shared',
      SERVICE_CLIENT_SECRET_FILE_INTAKE: '/run/secrets/intake',
      SERVICE_CLIENT_SECRET_FILE_ROUTING: '/run/secrets/routing',
    });
    expect(config.auth.clientCredentials).toEqual({ tokenUrl: TOKEN_URL, clientId: 'sunshine-intake', secretFile: '/run/secrets/intake' });
    expect(new ServiceTokenProvider(config).source).toBe('client-credentials');
    const named = loadPlatformConfig('routing', {
      ...valid,
      AUTH_TOKEN_URL: TOKEN_URL,
      SERVICE_CLIENT_ID: 'routing-b',
      SERVICE_CLIENT_SECRET_FILE: '/s',
    });
    expect(named.auth.clientCredentials).toEqual({ tokenUrl: TOKEN_URL, clientId: 'routing-b', secretFile: '/s' });
  });

  it('refuses AUTH_TOKEN_URL without a secret file at start', () => {
    expect(() => loadPlatformConfig('notification', { ...valid, AUTH_TOKEN_URL: TOKEN_URL })).toThrow(ConfigurationError);
    expect(() => loadPlatformConfig('notification', { ...valid, AUTH_TOKEN_URL: TOKEN_URL })).toThrow(
      'SERVICE_CLIENT_SECRET_FILE_NOTIFICATION (or SERVICE_CLIENT_SECRET_FILE): required with AUTH_TOKEN_URL',
    );
  });

  it('signs its own 5-minute service token with its own key (kid service:<name>) without an identity provider, and reuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-token-'));
    writeFileSync(join(dir, 'key.pem'), (await generateDevKeyPair()).privateKeyPem);
    const config = loadPlatformConfig('supervision', {
      ...valid,
      AUTH_JWKS_URL: undefined,
      AUTH_PUBLIC_KEY_FILE: '/keys/public.pem',
      AUTH_ISSUER: 'sunshine-dev',
      SERVICE_SIGNING_KEY_FILE: join(dir, 'key.pem'),
    });
    const provider = new ServiceTokenProvider(config);
    expect(provider.source).toBe('signing-key');
    const token = await provider.token();
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'service:supervision' });
    const claims = decodeJwt(token);
    expect({ ...claims, iat: undefined, exp: undefined, lifetime: (claims.exp ?? 0) - (claims.iat ?? 0) }).toEqual({
      sub: 'service:supervision',
      unit: 'service:supervision',
      division: '000000000000',
      roles: ['service'],
      iss: 'sunshine-dev',
      aud: 'sunshine',
      iat: undefined,
      exp: undefined,
      lifetime: 300,
    });
    expect(await provider.token()).toBe(token);
  });
});

import { readFileSync } from 'node:fs';

import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  importSPKI,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';

import type { PlatformConfig, ServiceName } from '../config/platform-config';
import { DEVELOPMENT_MAX_TOKEN_LIFETIME_S } from '../config/platform-config';
import { incompatibleRoles } from './role-separation';
import { readServicePublicKeys, SERVICE_TOKEN_LIFETIME_S, serviceOfKeyId, serviceTokenMisuse } from './service-keys';
import { staffClaimsSchema, type StaffPrincipal } from './staff-claims';

export const TOKEN_ALGORITHM = 'ES256';
/** Clock skew tolerated between the identity provider and a service, in seconds. */
export const TOKEN_CLOCK_TOLERANCE_S = 30;

/** Why a token is refused: the 401's code (zh-CN message in TOKEN_REFUSALS). */
export type TokenRefusalCode =
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_EXPIRY_MISSING'
  | 'TOKEN_LIFETIME_EXCESSIVE'
  | 'TOKEN_ROLES_INCOMPATIBLE'
  | 'TOKEN_SERVICE_KEY_MISUSED';

export const TOKEN_REFUSALS: Readonly<Record<TokenRefusalCode, string>> = {
  TOKEN_INVALID: '访问令牌无效',
  TOKEN_EXPIRED: '访问令牌已过期，请重新登录',
  TOKEN_EXPIRY_MISSING: '访问令牌缺少有效期（exp），不予接受',
  TOKEN_LIFETIME_EXCESSIVE: '访问令牌有效期超过上限，不予接受',
  TOKEN_ROLES_INCOMPATIBLE: '三员分立：系统管理员、安全管理员、审计管理员不得由同一人兼任，也不得兼任业务角色',
  TOKEN_SERVICE_KEY_MISUSED: '服务密钥只能签发本服务自身的服务令牌，不能代表单位或人员，不予接受',
};

/** Why a token was refused; the guard turns it into a 401 with `code`. */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: string,
    readonly code: TokenRefusalCode = 'TOKEN_INVALID',
  ) {
    super(reason);
  }
}

/** What the verifier needs of the configuration (the lifetime defaults to the development one). */
export type VerifierSettings = Omit<PlatformConfig['auth'], 'maxTokenLifetimeSeconds'> & { readonly maxTokenLifetimeSeconds?: number };

/**
 * Verifies bearer JWTs: signature (configured public key or JWKS), issuer, audience, `exp` required and not past,
 * a lifetime (exp − iat, and exp − now) of at most `maxTokenLifetimeSeconds`, the required claims, and 三员分立 (no
 * token carries two of sysadmin / security-admin / audit-admin, nor one of them with a business role).
 *
 * A token whose header says `kid: service:<name>` is verified with that service's own public key only
 * (AUTH_SERVICE_KEYS_DIR; none configured or an unknown name: 401 TOKEN_INVALID) and accepted only as exactly that
 * service's service token living at most SERVICE_TOKEN_LIFETIME_S (401 TOKEN_SERVICE_KEY_MISUSED, or
 * TOKEN_LIFETIME_EXCESSIVE): a service key never signs for a unit, a role or another service. Every other token is
 * verified with the staff key or the identity provider's JWKS only.
 */
export class JwtVerifier {
  private constructor(
    private readonly key: KeyLike | JWTVerifyGetKey,
    private readonly serviceKeys: ReadonlyMap<ServiceName, KeyLike>,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly maxLifetimeS: number,
    private readonly now: () => number,
  ) {}

  static async create(auth: VerifierSettings, now: () => number = Date.now): Promise<JwtVerifier> {
    const max = auth.maxTokenLifetimeSeconds ?? DEVELOPMENT_MAX_TOKEN_LIFETIME_S;
    const serviceKeys = new Map<ServiceName, KeyLike>();
    for (const [service, pem] of auth.serviceKeysDir ? readServicePublicKeys(auth.serviceKeysDir) : []) {
      serviceKeys.set(service, await importSPKI(pem, TOKEN_ALGORITHM));
    }
    const staffKey = auth.jwksUrl
      ? createRemoteJWKSet(new URL(auth.jwksUrl))
      : await importSPKI(auth.publicKeyPem ?? readFileSync(auth.publicKeyFile ?? '', 'utf8'), TOKEN_ALGORITHM);
    return new JwtVerifier(staffKey, serviceKeys, auth.issuer, auth.audience, max, now);
  }

  async verify(token: string): Promise<StaffPrincipal> {
    let payload: JWTPayload;
    const service = this.signingService(token);
    const options = {
      issuer: this.issuer,
      audience: this.audience,
      requiredClaims: ['exp'],
      clockTolerance: TOKEN_CLOCK_TOLERANCE_S,
      currentDate: new Date(this.now()),
    };
    try {
      const key = service ? service.key : this.key;
      const result = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
      payload = result.payload;
    } catch (error) {
      throw refusalOf(error);
    }
    const misuse = service && serviceTokenMisuse(service.name, payload);
    if (misuse) throw new TokenRejectedError(misuse, 'TOKEN_SERVICE_KEY_MISUSED');
    const maxLifetimeS = service ? Math.min(SERVICE_TOKEN_LIFETIME_S, this.maxLifetimeS) : this.maxLifetimeS;
    const exp = payload.exp ?? 0;
    const nowS = Math.floor(this.now() / 1000);
    const lifetime = payload.iat !== undefined ? exp - payload.iat : undefined;
    if ((lifetime !== undefined && lifetime > maxLifetimeS) || exp - nowS > maxLifetimeS + TOKEN_CLOCK_TOLERANCE_S) {
      throw new TokenRejectedError(`token lifetime exceeds ${maxLifetimeS} s`, 'TOKEN_LIFETIME_EXCESSIVE');
    }
    const claims = staffClaimsSchema.safeParse(payload);
    if (!claims.success)
      throw new TokenRejectedError(`missing or invalid claims: ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const c = claims.data;
    const clash = incompatibleRoles(c.roles);
    if (clash) throw new TokenRejectedError(`roles may not be combined in one token: ${clash.join(', ')}`, 'TOKEN_ROLES_INCOMPATIBLE');
    return { subject: c.sub, unitId: c.unit, roles: c.roles, divisionCode: c.division, token, expiresAt: new Date(exp * 1000) };
  }

  /** The service whose own key the header names (`kid: service:<name>`), undefined for any other token. */
  private signingService(token: string): { name: ServiceName; key: KeyLike } | undefined {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch (error) {
      throw refusalOf(error);
    }
    const name = serviceOfKeyId(kid);
    if (name === undefined) return undefined;
    const key = name === null ? undefined : this.serviceKeys.get(name);
    if (!name || !key) throw new TokenRejectedError(`no service key ${String(kid)} is trusted here`);
    return { name, key };
  }
}

function refusalOf(error: unknown): TokenRejectedError {
  const reason = error instanceof Error ? error.message : 'invalid token';
  if (error instanceof errors.JWTExpired) return new TokenRejectedError(reason, 'TOKEN_EXPIRED');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp')
    return new TokenRejectedError(reason, 'TOKEN_EXPIRY_MISSING');
  return new TokenRejectedError(reason);
}

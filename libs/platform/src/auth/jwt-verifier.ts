import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { PlatformConfig } from '../config/platform-config';
import { staffClaimsSchema, type StaffPrincipal } from './staff-claims';

export const TOKEN_ALGORITHM = 'ES256';

/** Why a token was refused; the guard turns it into a 401. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Verifies bearer JWTs: signature (configured public key or JWKS), issuer, audience, expiry, required claims. */
export class JwtVerifier {
  private constructor(
    private readonly key: KeyLike | JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  static async create(auth: PlatformConfig['auth']): Promise<JwtVerifier> {
    if (auth.jwksUrl) return new JwtVerifier(createRemoteJWKSet(new URL(auth.jwksUrl)), auth.issuer, auth.audience);
    const pem = auth.publicKeyPem ?? readFileSync(auth.publicKeyFile ?? '', 'utf8');
    return new JwtVerifier(await importSPKI(pem, TOKEN_ALGORITHM), auth.issuer, auth.audience);
  }

  async verify(token: string): Promise<StaffPrincipal> {
    let payload: unknown;
    try {
      const key = this.key;
      const result =
        typeof key === 'function'
          ? await jwtVerify(token, key, { issuer: this.issuer, audience: this.audience })
          : await jwtVerify(token, key, { issuer: this.issuer, audience: this.audience });
      payload = result.payload;
    } catch (error) {
      throw new TokenRejectedError(error instanceof Error ? error.message : 'invalid token');
    }
    const claims = staffClaimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenRejectedError(`missing or invalid claims: ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const c = claims.data;
    return { subject: c.sub, unitId: c.unit, roles: c.roles, divisionCode: c.division, token };
  }
}

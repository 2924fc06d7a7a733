import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT } from 'jose';

import { TOKEN_ALGORITHM } from './jwt-verifier';
import type { StaffClaims } from './staff-claims';

export interface DevKeyPair {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

/** A fresh ES256 key pair for local use and tests (production tokens come from the real identity provider). */
export async function generateDevKeyPair(): Promise<DevKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  return { publicKeyPem: await exportSPKI(publicKey), privateKeyPem: await exportPKCS8(privateKey) };
}

export interface IssueTokenOptions {
  readonly privateKeyPem: string;
  readonly issuer: string;
  readonly audience: string;
  /**
   * Lifetime, e.g. '15m' (the default: within every environment's maximum); a negative number of seconds issues an
   * already expired token (tests).
   */
  readonly expiresIn?: string | number;
}

/** Signs a staff token with the claims every service relies on. */
export async function issueStaffToken(claims: StaffClaims, options: IssueTokenOptions): Promise<string> {
  const key = await importPKCS8(options.privateKeyPem, TOKEN_ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof options.expiresIn === 'number' ? now + options.expiresIn : (options.expiresIn ?? '15m');
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM })
    .setSubject(sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(typeof exp === 'number' ? Math.min(now, exp - 1) : now)
    .setExpirationTime(exp)
    .sign(key);
}

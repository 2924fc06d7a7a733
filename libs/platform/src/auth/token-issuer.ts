import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT } from 'jose';

import type { ServiceName } from '../config/platform-config';
import { TOKEN_ALGORITHM } from './jwt-verifier';
import { SERVICE_TOKEN_LIFETIME_S, serviceKeyId, serviceTokenClaims } from './service-keys';
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

/** Signs a staff token with the claims every service relies on (the staff key: the dev token CLI and tests only). */
export async function issueStaffToken(claims: StaffClaims, options: IssueTokenOptions): Promise<string> {
  return sign(claims, options);
}

/**
 * Signs `service`'s own service token (`kid: service:<name>`, sub and unit `service:<name>`, role `service`, 5 minutes)
 * with the service's OWN private key: what every verifier accepts from that key, and nothing else (service-keys.ts).
 */
export async function issueServiceToken(service: ServiceName, options: Omit<IssueTokenOptions, 'expiresIn'>): Promise<string> {
  return sign(serviceTokenClaims(service), { ...options, expiresIn: SERVICE_TOKEN_LIFETIME_S }, serviceKeyId(service));
}

async function sign(claims: StaffClaims, options: IssueTokenOptions, kid?: string): Promise<string> {
  const key = await importPKCS8(options.privateKeyPem, TOKEN_ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof options.expiresIn === 'number' ? now + options.expiresIn : (options.expiresIn ?? '15m');
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader(kid === undefined ? { alg: TOKEN_ALGORITHM } : { alg: TOKEN_ALGORITHM, kid })
    .setSubject(sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(typeof exp === 'number' ? Math.min(now, exp - 1) : now)
    .setExpirationTime(exp)
    .sign(key);
}

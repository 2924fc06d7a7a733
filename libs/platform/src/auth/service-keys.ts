import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ServiceName, ServiceNames } from '../config/platform-config';
import type { StaffClaims } from './staff-claims';

/**
 * 服务密钥 Without an identity provider (development, tests, `npm run up`) each service signs the tokens it calls others
 * with by its OWN key pair, never by the key that signs staff tokens: the token's header names the key
 * (`kid: service:<name>`), and a verifier accepts what such a key signed only if it is exactly that service's token
 * (serviceTokenMisuse). So a compromised service can at most call others as itself, never as a unit or a role.
 */
export const SERVICE_KEY_ID_PREFIX = 'service:';
/** Lifetime of a token a service signs itself; a verifier refuses a service-key token living longer. */
export const SERVICE_TOKEN_LIFETIME_S = 300;
/** A service token is no one's unit: its division is the empty one. */
export const SERVICE_TOKEN_DIVISION = '000000000000';

/** The key id, subject and unit of `service`'s own tokens: `service:<name>`. */
export function serviceKeyId(service: ServiceName): string {
  return `${SERVICE_KEY_ID_PREFIX}${service}`;
}

/** The claims of a token a service signs for its own calls: role `service` and nothing else. */
export function serviceTokenClaims(service: ServiceName): StaffClaims {
  const id = serviceKeyId(service);
  return { sub: id, unit: id, division: SERVICE_TOKEN_DIVISION, roles: ['service'] };
}

/** The service a `kid` names (`service:<name>`), null for a `service:` kid naming no service, undefined for any other kid. */
export function serviceOfKeyId(kid: string | undefined): ServiceName | null | undefined {
  if (kid === undefined || !kid.startsWith(SERVICE_KEY_ID_PREFIX)) return undefined;
  const name = kid.slice(SERVICE_KEY_ID_PREFIX.length);
  return (ServiceNames as readonly string[]).includes(name) ? (name as ServiceName) : null;
}

/**
 * Why a token signed by `service`'s key is not that service's own token (undefined when it is): subject and unit
 * `service:<name>`, division 000000000000, roles exactly ['service'], no display name. Anything else — another
 * service's name, a unit, any staff role — is a service key signing what only the identity provider may sign.
 */
export function serviceTokenMisuse(service: ServiceName, payload: Record<string, unknown>): string | undefined {
  const id = serviceKeyId(service);
  const roles = payload['roles'];
  const wrong = [
    payload['sub'] !== id && 'sub',
    payload['unit'] !== id && 'unit',
    payload['division'] !== SERVICE_TOKEN_DIVISION && 'division',
    !(Array.isArray(roles) && roles.length === 1 && roles[0] === 'service') && 'roles',
    payload['name'] !== undefined && 'name',
  ].filter((w): w is string => w !== false);
  return wrong.length > 0 ? `the key of ${id} signs only ${id}'s own service tokens (wrong: ${wrong.join(', ')})` : undefined;
}

/** `<dir>/<service>.pem`: the SPKI public key of a service's own signing key (AUTH_SERVICE_KEYS_DIR). */
export function servicePublicKeyFile(dir: string, service: ServiceName): string {
  return join(dir, `${service}.pem`);
}

/** The public keys found in AUTH_SERVICE_KEYS_DIR (a service without its file cannot sign tokens anyone accepts). */
export function readServicePublicKeys(dir: string): ReadonlyMap<ServiceName, string> {
  if (!existsSync(dir)) throw new Error(`AUTH_SERVICE_KEYS_DIR ${dir} does not exist`);
  const found = new Map<ServiceName, string>();
  for (const service of ServiceNames) {
    const file = servicePublicKeyFile(dir, service);
    if (existsSync(file)) found.set(service, readFileSync(file, 'utf8'));
  }
  return found;
}

/**
 * Why this service's SERVICE_SIGNING_KEY_FILE must not be used (undefined when it may): it is the staff key (its public
 * half is AUTH_PUBLIC_KEY / AUTH_PUBLIC_KEY_FILE), or it is not the key AUTH_SERVICE_KEYS_DIR lists for the service.
 * Checked at start (AuthModule), so a deployment still handing every service the staff key fails at once.
 */
export function signingKeyProblem(
  service: ServiceName,
  auth: {
    readonly serviceSigningKeyFile?: string;
    readonly publicKeyPem?: string;
    readonly publicKeyFile?: string;
    readonly serviceKeysDir?: string;
  },
): string | undefined {
  if (!auth.serviceSigningKeyFile) return undefined;
  const own = spki(createPublicKey(readFileSync(auth.serviceSigningKeyFile, 'utf8')));
  const staffPem = auth.publicKeyPem ?? (auth.publicKeyFile ? readFileSync(auth.publicKeyFile, 'utf8') : undefined);
  if (staffPem !== undefined && own.equals(spki(createPublicKey(staffPem)))) {
    return 'SERVICE_SIGNING_KEY_FILE: is the key that signs staff tokens; each service signs with its own key (AUTH_SERVICE_KEYS_DIR, docs/identity.md)';
  }
  if (auth.serviceKeysDir) {
    const listed = readServicePublicKeys(auth.serviceKeysDir).get(service);
    if (listed === undefined) return `AUTH_SERVICE_KEYS_DIR: has no ${service}.pem for this service's SERVICE_SIGNING_KEY_FILE`;
    if (!own.equals(spki(createPublicKey(listed))))
      return `SERVICE_SIGNING_KEY_FILE: is not the key of ${servicePublicKeyFile(auth.serviceKeysDir, service)}`;
  }
  return undefined;
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

import { readFileSync, statSync } from 'node:fs';

import { z } from 'zod';

import { type KeyRing, parseKeyRing } from './field-cipher';

/**
 * 密钥管理 Where a service's data keys come from. A local file now (LocalFileKeyProvider); in production a KMS or an
 * HSM (密码机) adapter implements the same interface: it holds the key-encryption key, the file (or table) holds only
 * data keys wrapped by it, and `load()` unwraps them at start-up (e.g. `kms.decrypt(wrapped)` per key), so no
 * plaintext key is ever stored. The services never see where the keys came from.
 */
export interface KeyProvider {
  /** The data keys (ring) and the blind-index / query-code HMAC key. */
  load(): Promise<ServiceKeys>;
}

export interface ServiceKeys {
  readonly ring: KeyRing;
  readonly indexKey: Buffer;
}

const keyFileSchema = z.object({
  /** Id of the key new values are sealed with. */
  current: z.string().min(1),
  /** Key id → base64 of 32 bytes; older keys stay until every value is re-sealed (tools/reseal.ts verify). */
  keys: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), z.string()),
  /** base64 of 32 bytes. */
  index: z.string().refine((s) => Buffer.from(s, 'base64').length === 32, 'index: 32 bytes, base64'),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

/**
 * Keys from a local JSON file ({ current, keys: { id: base64 }, index: base64 }) readable by its owner only (mode
 * 0600 or stricter, else refused): for development and for deployments whose disk encryption and access control stand
 * in for a KMS, until one is adopted.
 */
export class LocalFileKeyProvider implements KeyProvider {
  constructor(private readonly path: string) {}

  load(): Promise<ServiceKeys> {
    const mode = statSync(this.path).mode & 0o777;
    if (mode & 0o077)
      return Promise.reject(new Error(`key file ${this.path} must be readable by its owner only (mode ${mode.toString(8)}; chmod 600)`));
    const file = keyFileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    const spec = Object.entries(file.keys)
      .map(([id, b64]) => `${id}:${b64}`)
      .join(',');
    return Promise.resolve({ ring: parseKeyRing(spec, file.current), indexKey: Buffer.from(file.index, 'base64') });
  }
}

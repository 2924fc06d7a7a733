import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption of personal data at rest, behind an interface so the algorithm can change (SM4 may be required by a
 * 密评 review) without touching the services.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** Keyed HMAC "blind index": recognises an equal value (e.g. the same ID number) without decrypting anything. */
export interface BlindIndexer {
  index(value: string): string;
}

export interface KeyRing {
  /** Key id → 32-byte key. */
  readonly keys: ReadonlyMap<string, Buffer>;
  /** The key new values are sealed with; older keys still open what they sealed (rotation). */
  readonly current: string;
}

/** Parses `id:base64,id2:base64` into a key ring; each key must be 32 bytes. */
export function parseKeyRing(spec: string, current: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`key "${id ?? '?'}" must be 32 bytes, base64`);
    keys.set(id, key);
  }
  if (!keys.has(current)) throw new Error(`current key "${current}" is not in the key ring`);
  return { keys, current };
}

/** AES-256-GCM, sealed as `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export class AesGcmFieldCipher implements FieldCipher {
  constructor(private readonly ring: KeyRing) {}

  encrypt(plain: string): string {
    const key = this.ring.keys.get(this.ring.current);
    if (!key) throw new Error('no current key');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.ring.current, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
      '.',
    );
  }

  decrypt(sealed: string): string {
    const [version, keyId, iv, tag, body] = sealed.split('.');
    const key = this.ring.keys.get(keyId ?? '');
    if (version !== 'v1' || !key || iv === undefined || tag === undefined || body === undefined) {
      throw new Error('sealed value has an unknown format or key');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

export class HmacBlindIndexer implements BlindIndexer {
  constructor(private readonly key: Buffer) {}

  index(value: string): string {
    return createHmac('sha256', this.key).update(value.trim().toUpperCase()).digest('base64url');
  }
}

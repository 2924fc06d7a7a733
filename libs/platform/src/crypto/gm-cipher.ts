import { createCipheriv, createDecipheriv, createHmac, getCiphers, randomBytes, timingSafeEqual } from 'node:crypto';

import type { CryptoProfile } from '../config/platform-config';
import { AesGcmFieldCipher, type BlindIndexer, type FieldCipher, HmacBlindIndexer, type KeyRing } from './field-cipher';

/**
 * 国密 (`gm` profile): SM4 (GB/T 32907) in CTR mode, then HMAC-SM3 (GB/T 32905) over the header, IV and ciphertext
 * (encrypt-then-MAC: integrity as AES-GCM gives it). Node 20's OpenSSL 3 offers sm4-ctr but no SM4-GCM
 * (`crypto.getCiphers()`), hence the two steps. Each 32-byte key of the ring splits into the SM4 key (first 16 bytes)
 * and the HMAC-SM3 key (last 16). Sealed as `g1.<keyId>.<iv>.<ciphertext>.<mac>` (base64url parts).
 */
export class Sm4CtrHmacSm3FieldCipher implements FieldCipher {
  constructor(private readonly ring: KeyRing) {
    if (!getCiphers().includes('sm4-ctr')) throw new Error('this Node/OpenSSL build offers no sm4-ctr: the gm profile cannot run here');
  }

  encrypt(plain: string): string {
    const keyId = this.ring.current;
    const { enc, mac } = this.keys(keyId);
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', enc, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const head = ['g1', keyId, iv.toString('base64url'), body.toString('base64url')].join('.');
    return `${head}.${createHmac('sm3', mac).update(head).digest('base64url')}`;
  }

  decrypt(sealed: string): string {
    const parts = sealed.split('.');
    const [version, keyId, iv, body, tag] = parts;
    if (
      parts.length !== 5 ||
      version !== 'g1' ||
      !keyId ||
      iv === undefined ||
      body === undefined ||
      tag === undefined ||
      !this.ring.keys.has(keyId)
    ) {
      throw new Error('sealed value has an unknown format or key');
    }
    const { enc, mac } = this.keys(keyId);
    const expected = createHmac('sm3', mac).update(parts.slice(0, 4).join('.')).digest();
    const given = Buffer.from(tag, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new Error('sealed value failed its integrity check (HMAC-SM3)');
    const decipher = createDecipheriv('sm4-ctr', enc, Buffer.from(iv, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  private keys(keyId: string): { enc: Buffer; mac: Buffer } {
    const key = this.ring.keys.get(keyId);
    if (!key) throw new Error(`no key "${keyId}"`);
    return { enc: key.subarray(0, 16), mac: key.subarray(16, 32) };
  }
}

/** HMAC-SM3 blind index (the `gm` profile's): the same normalisation as HmacBlindIndexer. */
export class HmacSm3BlindIndexer implements BlindIndexer {
  constructor(private readonly key: Buffer) {}

  index(value: string): string {
    return createHmac('sm3', this.key).update(value.trim().toUpperCase()).digest('base64url');
  }
}

/** The sealing format each profile writes: AES-256-GCM `v1`, SM4-CTR + HMAC-SM3 `g1`. */
export const SEAL_FORMATS: Readonly<Record<CryptoProfile, string>> = { standard: 'v1', gm: 'g1' };

/** `v1.<keyId>…` / `g1.<keyId>…` → { format, keyId }; undefined for anything else. */
export function sealedKeyOf(sealed: string): { format: string; keyId: string } | undefined {
  const [format, keyId] = sealed.split('.', 2);
  return format && keyId && Object.values(SEAL_FORMATS).includes(format) ? { format, keyId } : undefined;
}

/**
 * The profile's FieldCipher: it seals with the profile's algorithm and current key, and opens either format with any
 * key of the ring, so values sealed before a change of profile or key stay readable until re-sealed (tools/reseal.ts).
 */
export function createFieldCipher(profile: CryptoProfile, ring: KeyRing): FieldCipher {
  const aes = new AesGcmFieldCipher(ring);
  const sm4 = profile === 'gm' ? new Sm4CtrHmacSm3FieldCipher(ring) : undefined;
  const sealer = sm4 ?? aes;
  return {
    encrypt: (plain) => sealer.encrypt(plain),
    decrypt: (sealed) => (sealed.startsWith('g1.') ? (sm4 ?? new Sm4CtrHmacSm3FieldCipher(ring)).decrypt(sealed) : aes.decrypt(sealed)),
  };
}

/** The profile's blind indexer (HMAC-SHA-256, or HMAC-SM3 under `gm`). A change of profile re-computes the indexes. */
export function createBlindIndexer(profile: CryptoProfile, key: Buffer): BlindIndexer {
  return profile === 'gm' ? new HmacSm3BlindIndexer(key) : new HmacBlindIndexer(key);
}

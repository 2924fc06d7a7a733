import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AesGcmFieldCipher, parseKeyRing } from './field-cipher';
import { createBlindIndexer, createFieldCipher, sealedKeyOf, Sm4CtrHmacSm3FieldCipher } from './gm-cipher';
import { LocalFileKeyProvider } from './key-management';

const K1 = Buffer.alloc(32, 1).toString('base64');
const K2 = Buffer.alloc(32, 2).toString('base64');

describe('国密 primitives: the standards’ test vectors', () => {
  it('SM3 (GB/T 32905-2016 Appendix A): "abc" and the 64-byte "abcd"×16', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('SM4 (GB/T 32907-2016 Appendix A): key = plaintext = 0123456789abcdeffedcba9876543210, one block', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('SM4-CTR’s first block is the SM4 encryption of the counter (the mode the gm profile seals with)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const ctr = createCipheriv('sm4-ctr', key, key);
    // Plaintext of zeros: the keystream, i.e. SM4(key, counter = key) = the standard's ciphertext.
    expect(ctr.update(Buffer.alloc(16)).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('the gm field cipher (SM4-CTR + HMAC-SM3, encrypt-then-MAC)', () => {
  const ring = parseKeyRing(`k1:${K1},k2:${K2}`, 'k2');

  it('round-trips Chinese text, sealing a fresh IV each time', () => {
    const cipher = new Sm4CtrHmacSm3FieldCipher(ring);
    const a = cipher.encrypt('张三 13512340001 河南省新乡市延津县');
    const b = cipher.encrypt('张三 13512340001 河南省新乡市延津县');
    expect(a).not.toBe(b);
    expect(sealedKeyOf(a)).toEqual({ format: 'g1', keyId: 'k2' });
    expect(cipher.decrypt(a)).toBe('张三 13512340001 河南省新乡市延津县');
  });

  it('refuses a value whose ciphertext, key id or MAC was changed', () => {
    const cipher = new Sm4CtrHmacSm3FieldCipher(ring);
    const [v, id, iv, body, mac] = cipher.encrypt('13512340001').split('.') as [string, string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([v, id, iv, flipped.toString('base64url'), mac].join('.'))).toThrow(/integrity/);
    expect(() => cipher.decrypt([v, 'k1', iv, body, mac].join('.'))).toThrow(/integrity/);
    expect(() => cipher.decrypt([v, id, iv, body].join('.'))).toThrow(/unknown format/);
  });

  it('the profile cipher seals by its profile and opens both formats (a change of profile re-seals later)', () => {
    const standard = createFieldCipher('standard', ring);
    const gm = createFieldCipher('gm', ring);
    const old = standard.encrypt('李四');
    expect(sealedKeyOf(old)?.format).toBe('v1');
    expect(sealedKeyOf(gm.encrypt('李四'))?.format).toBe('g1');
    expect(gm.decrypt(old)).toBe('李四');
    expect(standard.decrypt(gm.encrypt('李四'))).toBe('李四');
    expect(new AesGcmFieldCipher(ring).decrypt(old)).toBe('李四');
  });

  it('indexes with HMAC-SM3 under gm, HMAC-SHA-256 otherwise, after the same normalisation', () => {
    const key = Buffer.alloc(32, 7);
    expect(createBlindIndexer('gm', key).index(' 41072619800101001x ')).toBe(
      createHmac('sm3', key).update('41072619800101001X').digest('base64url'),
    );
    expect(createBlindIndexer('standard', key).index('41072619800101001x')).toBe(
      createHmac('sha256', key).update('41072619800101001X').digest('base64url'),
    );
  });
});

describe('the local key file provider', () => {
  it('loads a ring and the index key from an owner-only file, and refuses a readable one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json');
    writeFileSync(path, JSON.stringify({ current: 'k2', keys: { k1: K1, k2: K2 }, index: K1 }), { mode: 0o600 });
    const keys = await new LocalFileKeyProvider(path).load();
    expect([...keys.ring.keys.keys()]).toEqual(['k1', 'k2']);
    expect(keys.ring.current).toBe('k2');
    expect(keys.indexKey.equals(Buffer.alloc(32, 1))).toBe(true);
    chmodSync(path, 0o644);
    await expect(new LocalFileKeyProvider(path).load()).rejects.toThrow(/owner only/);
  });
});
